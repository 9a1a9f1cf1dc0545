package dev.crashlab.scenarios.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.ProcessCrash;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Status;
import dev.crashlab.scenarios.grade.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reader that waits for the writer with a timeout, as a database's lock table does (a flag under a
 * monitor, Object.wait(timeout) until the writer clears it): while the harness holds the writer
 * paused, the reader must not time out against it, so the writer is let go as soon as the reader
 * waits. A writer that clears the flag before its write is done is still caught.
 */
class WaitingReaderTest {

    static final String OLD = CrashCheckTest.OLD;
    static final String NEW = CrashCheckTest.NEW;

    /** Far above what the check takes once the writer is let go, far below the watchdog. */
    static final long LOCK_WAIT_MILLIS = 5_000;

    /** The writer's in-process lock: a flag readers wait on, with a timeout. */
    static final class LockTable {
        private boolean locked;

        synchronized void lock() {
            locked = true;
        }

        synchronized void unlock() {
            locked = false;
            notifyAll();
        }

        synchronized void awaitUnlocked() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + LOCK_WAIT_MILLIS * 1_000_000;
            while (locked) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IOException("lock wait timed out");
                }
                wait(left / 1_000_000 + 1);
            }
        }
    }

    private static CrashResult check(String name, LockTable table, CrashTarget.Action writer) {
        return CrashCheck.run(CrashTarget.builder(name)
                .setUp(dir -> SettingsFile.saveAtomically(dir, OLD))
                .writer(writer)
                .reader(dir -> {
                    table.awaitUnlocked();
                    return SettingsFile.load(dir);
                }, OLD, NEW)
                .claims(Guarantee.G1)
                .models(List.of(new ProcessCrash()))
                .build());
    }

    @Test
    void aReaderWaitingWithATimeoutForACorrectWriterIsNoFinding() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            LockTable table = new LockTable();
            CrashResult r = check("lock-table", table, dir -> {
                table.lock();
                try {
                    SettingsFile.saveAtomically(dir, NEW);
                } finally {
                    table.unlock();
                }
            });
            Verdict g1 = r.verdict(Guarantee.G1, Context.CONCURRENT_READER);
            // once VIOLATED, "reader saw an error: lock wait timed out", after a lock wait per pause point
            assertEquals(Status.HELD, g1.status(), "no lock wait may time out against a paused writer:\n" + g1.describe());
            assertTrue(g1.checks() > 2, g1.title());
        });
    }

    @Test
    void aWriterThatUnlocksBeforeItsWriteIsDoneIsStillCaught() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            LockTable table = new LockTable();
            CrashResult r = check("lock-table-torn", table, dir -> {
                Path file = dir.resolve(SettingsFile.NAME);
                byte[] bytes = NEW.getBytes(StandardCharsets.UTF_8);
                table.lock();
                try {
                    Files.write(file, java.util.Arrays.copyOf(bytes, 4));
                } finally {
                    table.unlock();
                }
                Files.write(file, java.util.Arrays.copyOfRange(bytes, 4, bytes.length), StandardOpenOption.APPEND);
            });
            Verdict g1 = r.verdict(Guarantee.G1, Context.CONCURRENT_READER);
            assertEquals(Status.VIOLATED, g1.status(), g1.describe());
            assertTrue(g1.counterexample().readerSaw().contains("colo"), g1.describe());
        });
    }
}
