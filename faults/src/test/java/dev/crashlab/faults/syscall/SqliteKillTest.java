package dev.crashlab.faults.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.CrashStates;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.trace.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill -9 oracle of the system-call recording on SQLite itself, a writer in native code: the
 * whole run's trace proves itself complete, and a real SIGKILL of the writer's JVM after each call
 * that changes the directory (the tree held still there, as the reader beside a writer is) leaves
 * exactly the process-crash state the killed run's own trace predicts. Each run's trace is its own:
 * SQLite puts a random nonce in each journal, so two runs differ in bytes.
 */
class SqliteKillTest {

    @BeforeAll
    static void straceRuns() {
        String why = SyscallRecording.unavailable();
        Assumptions.assumeTrue(why == null, () -> "the SQLite kill oracle skipped: " + why);
    }

    private static List<String> writer(Path root) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"),
                SqliteWriter.class.getName(), root.toString());
    }

    @Test
    void aKillAfterEachCallThatChangesTheDirectoryLeavesTheProcessCrashState(@TempDir Path tmp) throws Exception {
        Path full = Files.createDirectories(tmp.resolve("full"));
        RunResult whole = SyscallRecording.in(full).go(writer(full));
        assertNull(whole.thrown(), () -> String.valueOf(whole.thrown()));
        assertEquals(List.of(), whole.unseen(), "the recording must prove itself complete");
        int[] stops = {0};
        SyscallRecording.in(Files.createDirectories(tmp.resolve("count"))).goStopping(writer(tmp.resolve("count")),
                at -> stops[0]++);
        assertTrue(stops[0] >= 10, "SQLite changes the directory at many calls: " + stops[0]);
        System.out.println("SqliteKillTest: a kill after each of " + stops[0] + " stops");
        for (int k = 1; k <= stops[0]; k++) {
            Path root = Files.createDirectories(tmp.resolve("kill-" + k));
            int killAt = k;
            int[] seen = {0};
            RunResult killed = SyscallRecording.in(root).goStopping(writer(root), at -> {
                if (++seen[0] == killAt) {
                    killWriter(root);
                }
            });
            assertNotNull(killed.thrown(), "killed after stop " + k + ": the run says the writer died");
            assertEquals(CrashStates.replayed(killed.trace()), Snapshot.of(root), "killed after stop " + k
                    + " of " + stops[0] + ": the directory a real kill -9 left differs from the process-crash state after"
                    + " the " + killed.trace().size() + " operations recorded\n" + killed.trace().listing());
        }
    }

    /** SIGKILL to the writer's JVM, held still by the tracer: it dies with whatever it had done. */
    private static void killWriter(Path root) {
        Optional<ProcessHandle> jvm = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains(SqliteWriter.class.getName())
                        && c.contains(root.toString()) && !c.startsWith("strace")).orElse(false))
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst();
        assertTrue(jvm.isPresent(), "the writer's JVM is among this JVM's descendants");
        jvm.get().destroyForcibly();
    }
}
