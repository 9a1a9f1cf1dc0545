package dev.crashlab.scenarios.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.run.Run;
import dev.crashlab.reports.Guarantee;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What "needs instrumentation to run" means for a benchmark of a user's writer: each of its three
 * ways is refused with the reason, and a writer that calls {@link CrashTarget#ack}, the one hook it
 * may call, is not.
 */
class UninstrumentedTest {

    private static CrashTarget.Builder file(CrashTarget.Action writer) {
        return CrashTarget.builder("file")
                .writer(writer)
                .reader(root -> Files.exists(root.resolve("f")) ? Files.readString(root.resolve("f")) : null, null, "v2")
                .claims(Guarantee.G1);
    }

    @Test
    void aWriterThatIsItsOwnCodeRuns(@TempDir Path root) throws Exception {
        CrashCheck.runUninstrumented(file(r -> {
            Files.writeString(r.resolve("f"), "v2");
            CrashTarget.ack("v2");                               // does nothing outside a check
        }).build(), root);
        assertEquals("v2", Files.readString(root.resolve("f")));
    }

    @Test
    void aWriterThatFailsWithoutTheRecordingIsRefused(@TempDir Path root) {
        TargetFailedException e = assertThrows(TargetFailedException.class, () -> CrashCheck.runUninstrumented(
                file(r -> {
                    throw new IllegalStateException("no pause hook installed");
                }).build(), root));
        assertTrue(e.getMessage().startsWith("the writer of file needs crashlab's instrumentation to run: without it, it"
                + " failed (java.lang.IllegalStateException: no pause hook installed)"), e.getMessage());
    }

    @Test
    void aWriterThatRecordsItselfIsRefused(@TempDir Path root) {
        TargetFailedException e = assertThrows(TargetFailedException.class, () -> CrashCheck.runUninstrumented(
                file(r -> Run.record(r, () -> Files.writeString(r.resolve("f"), "v2"))).build(), root));
        assertTrue(e.getMessage().contains("needs crashlab's instrumentation to run: it records itself"), e.getMessage());
    }

    @Test
    void aWriterWhoseThreadRecordsIsRefused(@TempDir Path root) {
        TargetFailedException e = assertThrows(TargetFailedException.class, () -> CrashCheck.runUninstrumented(
                file(r -> {
                    Thread t = new Thread(() -> Run.record(r, () -> Files.writeString(r.resolve("f"), "v2")));
                    t.start();
                    t.join();
                }).build(), root));
        assertTrue(e.getMessage().contains("it records itself"), e.getMessage());
    }

    @Test
    void aRunOfAnotherThreadMeanwhileIsNoFaultOfTheWriters(@TempDir Path root, @TempDir Path other) throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch recorded = new CountDownLatch(1);
        Thread neighbour = new Thread(() -> {
            try {
                writing.await();
                Run.record(other, () -> Files.writeString(other.resolve("g"), "x"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                recorded.countDown();
            }
        });
        neighbour.start();
        CrashCheck.runUninstrumented(file(r -> {
            writing.countDown();
            recorded.await();                                    // a parallel test's run, begun and ended meanwhile
            Files.writeString(r.resolve("f"), "v2");
        }).build(), root);
        neighbour.join();
        assertEquals("x", Files.readString(other.resolve("g")));
    }

    @Test
    void aWriterThatLeavesOtherFilesWithoutItIsRefused(@TempDir Path root) {
        TargetFailedException e = assertThrows(TargetFailedException.class, () -> CrashCheck.runUninstrumented(
                file(r -> Files.writeString(r.resolve("f"), "v1")).build(), root));
        assertTrue(e.getMessage().contains("the reader finds \"v1\", not \"v2\" as the target declares once the writer"
                + " returned"), e.getMessage());
    }
}
