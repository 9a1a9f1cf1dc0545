package dev.crashlab.scenarios.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.ProcessCrash;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The reader, the oracle and the recovery are told where they read ({@link CrashTarget#where()}):
 * beside the live writer, or on a crash state's copy; and a target can declare that its readers
 * wait for the writer.
 */
class ReaderContextTest {

    static final String OLD = CrashCheckTest.OLD;
    static final String NEW = CrashCheckTest.NEW;

    private static Set<CrashTarget.Where> seen() {
        return ConcurrentHashMap.newKeySet();
    }

    @Test
    void theReaderTheOracleAndTheRecoveryAreToldWhereTheyRead() {
        Set<CrashTarget.Where> reader = seen();
        Set<CrashTarget.Where> recovery = seen();
        Set<CrashTarget.Where> oracle = seen();
        CrashResult r = CrashCheck.run(CrashTarget.builder("where")
                .setUp(dir -> SettingsFile.saveAtomically(dir, OLD))
                .writer(dir -> SettingsFile.saveAtomically(dir, NEW))
                .oracle(dir -> {
                    reader.add(CrashTarget.where());
                    return SettingsFile.load(dir);
                }, "the old or the new settings", (found, acknowledged) -> {
                    oracle.add(CrashTarget.where());
                    return OLD.equals(found) || NEW.equals(found);
                })
                .recovery(dir -> recovery.add(CrashTarget.where()))
                .claims(Guarantee.G1, Guarantee.G2)
                .models(List.of(new ProcessCrash()))
                .build());
        assertTrue(r.passed(), r.describe());
        assertEquals(EnumSet.allOf(CrashTarget.Where.class), reader);
        assertEquals(EnumSet.of(CrashTarget.Where.LIVE, CrashTarget.Where.CRASH_STATE), recovery,
                "the recovery runs beside the paused writer and on each crash state, not after the set-up");
        assertTrue(oracle.containsAll(EnumSet.of(CrashTarget.Where.LIVE, CrashTarget.Where.CRASH_STATE)), oracle.toString());
    }

    @Test
    void outsideACheckWhereIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, CrashTarget::where);
        assertTrue(e.getMessage().contains("only inside a target's reader, oracle or recovery"), e.getMessage());
    }

    /** A database engine of one process: the writer's, which a reader beside it must not shut down. */
    static final class Engine {
        private volatile boolean open = true;
        final AtomicInteger writesOnAClosedEngine = new AtomicInteger();

        void write(Path dir, String text) throws IOException {
            if (!open) {
                writesOnAClosedEngine.incrementAndGet();
                open = true; // as an engine reopened by a later call: the point is the count
            }
            SettingsFile.saveAtomically(dir, text);
        }

        String readThenShutDown(Path dir, boolean onlyOnACopy) throws IOException {
            try {
                return SettingsFile.load(dir);
            } finally {
                if (!onlyOnACopy || CrashTarget.where() == CrashTarget.Where.CRASH_STATE) {
                    open = false;
                }
            }
        }
    }

    private static int writesAfterAReaderShutTheEngine(boolean onlyOnACopy) {
        Engine engine = new Engine();
        CrashResult r = CrashCheck.run(CrashTarget.builder("engine")
                .setUp(dir -> SettingsFile.saveAtomically(dir, OLD))
                .writer(dir -> engine.write(dir, NEW))
                .reader(dir -> engine.readThenShutDown(dir, onlyOnACopy), OLD, NEW)
                .claims(Guarantee.G1)
                .models(List.of(new ProcessCrash()))
                .build());
        assertEquals(Status.HELD, r.verdict(Guarantee.G1, Context.CONCURRENT_READER).status(), r.describe());
        return engine.writesOnAClosedEngine.get();
    }

    @Test
    void aReaderThatShutsItsEngineDownLeavesTheLiveWritersEngineAloneOnceItKnowsWhereItReads() {
        assertTrue(writesAfterAReaderShutTheEngine(false) > 0,
                "a reader that cannot tell where it reads shuts down the paused writer's engine");
        assertEquals(0, writesAfterAReaderShutTheEngine(true));
    }

    /** A reader that waits, untimed, for the writer's flag to clear. */
    private static CrashResult waitingReader(boolean declared) {
        Object monitor = new Object();
        boolean[] writing = {false};
        CrashTarget.Builder b = CrashTarget.builder("waits")
                .setUp(dir -> SettingsFile.saveAtomically(dir, OLD))
                .writer(dir -> {
                    synchronized (monitor) {
                        writing[0] = true;
                    }
                    try {
                        SettingsFile.saveInPlace(dir, NEW);
                    } finally {
                        synchronized (monitor) {
                            writing[0] = false;
                            monitor.notifyAll();
                        }
                    }
                })
                .reader(dir -> {
                    synchronized (monitor) {
                        while (writing[0]) {
                            monitor.wait();
                        }
                    }
                    return SettingsFile.load(dir);
                }, OLD, NEW)
                .claims(Guarantee.G1)
                .models(List.of(new ProcessCrash()));
        return CrashCheck.run((declared ? b.readersWaitForWriter() : b).build());
    }

    @Test
    void aReaderThatWaitsForTheWriterIsNotedUnlessTheTargetDeclaresIt() {
        CrashResult undeclared = waitingReader(false);
        assertEquals(Status.HELD, undeclared.verdict(Guarantee.G1, Context.CONCURRENT_READER).status());
        assertTrue(undeclared.notes().stream().anyMatch(n -> n.contains("the reader waited for the paused writer at")
                && n.contains(".readersWaitForWriter()")), undeclared.notes().toString());
        CrashResult declared = waitingReader(true);
        assertFalse(declared.notes().stream().anyMatch(n -> n.contains("waited")), declared.notes().toString());
        CrashResult plain = CrashCheck.run(CrashCheckTest.settings("plain", dir -> SettingsFile.saveAtomically(dir, NEW))
                .models(List.of(new ProcessCrash())).build());
        assertFalse(plain.notes().stream().anyMatch(n -> n.contains("waited")), "a reader that never waits: "
                + plain.notes());
    }
}
