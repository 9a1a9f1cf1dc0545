package dev.crashlab.scenarios.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.Roots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a workload leaves is removed after it, and a link it left is removed without being followed. */
class RootsTest {

    @Test
    void cleanRemovesEveryRunAndNothingALinkPointsAt(@TempDir Path outside) throws Exception {
        Path kept = Files.writeString(outside.resolve("not-the-harness's"), "keep me");
        try (Roots roots = new Roots("roots-test")) {
            Path run = roots.fresh();
            Files.createDirectories(run.resolve("a/b"));
            Files.writeString(run.resolve("a/b/entry"), "x");
            Files.createSymbolicLink(run.resolve("a/link-to-outside"), outside);
            Files.createSymbolicLink(run.resolve("dangling"), run.resolve("nowhere"));
            Path base = run.getParent();
            roots.clean();
            try (Stream<Path> left = Files.list(base)) {
                assertEquals(0, left.count(), "run directories left after clean");
            }
            assertTrue(Files.exists(kept), "clean followed a link out of the run directory");
            Path next = roots.fresh();
            assertTrue(Files.isDirectory(next));
            roots.close();
            assertFalse(Files.exists(base));
        }
    }
}
