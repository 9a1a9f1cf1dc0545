package dev.crashlab.faults.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.run.Roots;
import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PausePlanTest {

    @TempDir
    Path tmp;

    /** What a reader sees of a and b at each pause point, e.g. "a:10 b:-". */
    private static String look(Path root) {
        try {
            return "a:" + (Files.exists(root.resolve("a")) ? Files.size(root.resolve("a")) : "-")
                    + " b:" + (Files.exists(root.resolve("b")) ? Files.size(root.resolve("b")) : "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void aReaderAtEachPointSeesEachIntermediateState(String fs) throws Exception {
        List<String> seen = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            Path root = Roots.on(fs, tmp.resolve("r" + n));
            Path log = root.getParent().resolve("outside.log");
            RunResult result = Run.with(root, new PauseAt(n, () -> seen.add(look(root))),
                    () -> Workloads.publish(root, log));
            assertEquals(null, result.thrown());
            assertEquals(5, result.trace().size(), "the pause changes nothing in the trace");
        }
        assertEquals(List.of("a:- b:-", "a:0 b:-", "a:10 b:-", "a:10 b:-", "a:10 b:-"), seen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void aDeleterAtAPauseIsNotTheTargetAndIsNotRecorded(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        Path log = root.getParent().resolve("outside.log");
        Files.write(root.resolve("other"), new byte[1]);
        RunResult result = Run.with(root, new PauseAt(4, () -> {
            try {
                Files.delete(root.resolve("other"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), () -> Workloads.publish(root, log));
        assertEquals(5, result.trace().size(), result.trace().listing());
        assertTrue(result.callbackErrors().isEmpty());
        assertTrue(Files.notExists(root.resolve("other")));
    }
}
