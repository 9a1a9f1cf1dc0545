package dev.crashlab.scenarios.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Status;
import dev.crashlab.scenarios.grade.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Crash states read on several threads give the report one thread gives: the same statuses, the
 * same number of checks and the same first counterexample in every cell, for a protocol that holds
 * and for one that breaks. A reader that depends on what the writer left in memory is not read by
 * a second instance of the target, which would find something else: it stays on one thread, and
 * the report says so.
 */
@Isolated("it sets how many threads every check in this JVM reads crash states on")
class ParallelJudgingTest {

    private static final List<String> RECORDS = List.of("r1", "r2", "r3");
    /** The threads the readers ran on: the providers' classes come from the test's own loader, so it is shared. */
    static final Set<String> READ_ON = ConcurrentHashMap.newKeySet();

    private static final String READER_THREAD = "crashlab-reader";
    private long savedAlone;
    private String savedThreads;

    @BeforeEach
    void readOnEveryReaderAtOnce() {
        savedAlone = StateReaders.aloneNanos;
        savedThreads = System.getProperty(StateReaders.PROPERTY);
        StateReaders.aloneNanos = 0;
        READ_ON.clear();
    }

    @AfterEach
    void restore() {
        StateReaders.aloneNanos = savedAlone;
        if (savedThreads == null) {
            System.clearProperty(StateReaders.PROPERTY);
        } else {
            System.setProperty(StateReaders.PROPERTY, savedThreads);
        }
    }

    /** A log appended record by record, fsynced after each, read as its whole lines. */
    public static final class Log implements CrashTargetProvider {
        @Override
        public CrashTarget target() {
            return BudgetedCheckTest.log(true, ParallelJudgingTest::read);
        }
    }

    /** The same log unsynced: power failures lose acknowledged records, and weakest-posix tears them. */
    public static final class UnsyncedLog implements CrashTargetProvider {
        @Override
        public CrashTarget target() {
            return BudgetedCheckTest.log(false, ParallelJudgingTest::read);
        }
    }

    /**
     * A reader that trusts what its writer told it in memory (that it wrote), beside the file: a
     * second instance of the target, whose writer never ran, would read every state as a finding
     * that is not allowed, a false alarm.
     */
    public static final class WriterMemory implements CrashTargetProvider {
        private volatile int written;

        @Override
        public CrashTarget target() {
            return CrashTarget.builder("writer-memory")
                    .setUp(dir -> {
                        Files.createFile(dir.resolve("log"));
                        written = -1;
                    })
                    .writer(dir -> {
                        Files.writeString(dir.resolve("log"), String.join("\n", RECORDS) + "\n");
                        written = RECORDS.size();
                    })
                    .oracle(dir -> {
                        List<String> lines = read(dir);
                        return written == 0 ? List.of("no writer ran") : lines;
                    }, "every record or none", (List<String> found, CrashTarget.Acknowledged acked) ->
                            found.isEmpty() || found.equals(RECORDS) || RECORDS.containsAll(found))
                    .claims(Guarantee.G2)
                    .build();
        }
    }

    static List<String> read(Path dir) throws java.io.IOException {
        READ_ON.add(Thread.currentThread().getName());
        return BudgetedCheckTest.read(dir);
    }

    private static CrashResult check(Class<? extends CrashTargetProvider> provider, int threads) {
        System.setProperty(StateReaders.PROPERTY, Integer.toString(threads));
        try (ProviderLoader loader = ProviderLoader.open("")) {
            return CrashCheck.run(loader.target(provider.getName()));
        }
    }

    /** Everything of a verdict but its timing. */
    private static List<String> shown(CrashResult r) {
        List<String> out = new ArrayList<>();
        for (Verdict v : r.verdicts()) {
            var c = v.counterexample(); // a record: every field, the fix's explanation too
            out.add(v.title() + " " + v.status() + " " + v.checks() + " " + c);
        }
        return out;
    }

    @Test
    void aProtocolThatHoldsGetsTheSameReportOnOneThreadAndOnTwo() {
        CrashResult one = check(Log.class, 1);
        assertFalse(READ_ON.contains(READER_THREAD), "one thread: the check's own: " + READ_ON);
        CrashResult two = check(Log.class, 2);
        assertTrue(one.passed(), one.describe());
        assertEquals(shown(one), shown(two));
        assertTrue(READ_ON.contains(READER_THREAD), "the readers' threads read states: " + READ_ON);
        assertTrue(two.notes().stream().noneMatch(n -> n.contains("one thread")), two.notes().toString());
    }

    @Test
    void aProtocolThatBreaksGetsTheSameCounterexamplesOnOneThreadAndOnTwo() {
        CrashResult one = check(UnsyncedLog.class, 1);
        CrashResult two = check(UnsyncedLog.class, 2);
        assertTrue(one.verdicts().stream().anyMatch(v -> v.status() == Status.VIOLATED && v.guarantee() == Guarantee.G3),
                one.describe());
        assertTrue(one.verdicts().stream().anyMatch(v -> v.status() == Status.VIOLATED && v.guarantee() == Guarantee.G2),
                one.describe());
        assertEquals(shown(one), shown(two));
        assertTrue(READ_ON.contains(READER_THREAD), "the readers' threads read states: " + READ_ON);
    }

    @Test
    void aReaderThatDependsOnTheWritersMemoryStaysOnOneThreadAndSaysSo() {
        CrashResult one = check(WriterMemory.class, 1);
        CrashResult two = check(WriterMemory.class, 2);
        assertTrue(one.passed(), one.describe());
        assertEquals(shown(one), shown(two));
        assertTrue(two.notes().stream().anyMatch(n -> n.contains("crash states judged on one thread")
                && n.contains("depends on something the writer left in memory")), two.notes().toString());
        assertFalse(one.notes().stream().anyMatch(n -> n.contains("one thread")), one.notes().toString());
    }

    @Test
    void aProviderGivenToJUnitIsReadOnEveryCore() throws Throwable {
        System.setProperty(StateReaders.PROPERTY, "2");
        List<org.junit.jupiter.api.DynamicTest> tests = dev.crashlab.scenarios.junit.CrashTests.of(Log.class).toList();
        assertFalse(tests.isEmpty());
        for (org.junit.jupiter.api.DynamicTest t : tests) {
            t.getExecutable().execute(); // every claimed guarantee holds: none throws
        }
        assertTrue(READ_ON.contains(READER_THREAD), "the readers' threads read states: " + READ_ON);
    }
}
