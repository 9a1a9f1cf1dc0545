package dev.crashlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store a user keeps data with offers its real options only: the seeded bugs live in the
 * crashlab-seeded-bugs module, which this module's class path does not have, and the builder's
 * public methods are the documented options.
 */
class NoSeededBugsTest {

    @Test
    void theSeededProtocolsAreNotInTheStore() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.crashlab.store.Protocol"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.crashlab.store.ReaderProtocol"));
    }

    @Test
    void theBuildersPublicOptionsAreTheRealOnes() {
        List<String> options = Arrays.stream(WriteOnceStore.Builder.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName).sorted().toList();

        assertEquals(List.of("build", "createRoot", "durability", "maxValueBytes"), options);
    }
}
