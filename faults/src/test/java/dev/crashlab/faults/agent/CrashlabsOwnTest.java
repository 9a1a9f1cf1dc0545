package dev.crashlab.faults.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import org.junit.jupiter.api.Test;

/**
 * crashlab's own code is left alone by the instrumentation; its tests are not: they fsync as a
 * user's code does, and a missed fsync would be a false alarm on a correct writer.
 */
class CrashlabsOwnTest {

    private static ProtectionDomain from(String location) throws MalformedURLException {
        return new ProtectionDomain(new CodeSource(new URL("file:" + location), (Certificate[]) null), null);
    }

    @Test
    void crashlabsShippedClassesAreItsOwn() throws MalformedURLException {
        assertTrue(CrashlabsOwn.is("dev.crashlab.faults.run.Run", null, from("/repo/faults/target/crashlab-faults-0.1.0.jar")));
        assertTrue(CrashlabsOwn.is("dev.crashlab.faults.run.Run", null, from("/repo/faults/target/classes/")));
    }

    @Test
    void crashlabsTestClassesAreCheckedLikeAUsersInAFolderOrInATestJar() throws MalformedURLException {
        assertFalse(CrashlabsOwn.is("dev.crashlab.scenarios.examples.KafkaCheckpoint", null,
                from("/repo/scenarios/target/test-classes/")));
        assertFalse(CrashlabsOwn.is("dev.crashlab.scenarios.examples.KafkaCheckpoint", null,
                from("/root/.m2/repository/dev/crashlab/crashlab-scenarios/0.1.0/crashlab-scenarios-0.1.0-tests.jar")));
    }

    @Test
    void aUsersClassIsNeverCrashlabs() throws MalformedURLException {
        assertFalse(CrashlabsOwn.is("com.example.Store", null, from("/repo/faults/target/crashlab-faults-0.1.0.jar")));
    }
}
