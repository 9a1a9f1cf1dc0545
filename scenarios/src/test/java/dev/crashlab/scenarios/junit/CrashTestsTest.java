package dev.crashlab.scenarios.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.Ordered;
import dev.crashlab.faults.crash.ProcessCrash;
import dev.crashlab.faults.plan.RefuseAtomicMove;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.SettingsFile;
import dev.crashlab.reports.Guarantee;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** The dynamic tests: one per fault x guarantee x context, failing, aborted or passing as the verdict says. */
// Sets -Dcrashlab.reports for a moment, which the other users of CrashTests read.
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class CrashTestsTest {

    static CrashTarget.Builder inPlace() {
        return CrashTarget.builder("settings")
                .setUp(dir -> SettingsFile.saveAtomically(dir, "a=1\n"))
                .writer(dir -> SettingsFile.saveInPlace(dir, "a=2\n"))
                .reader(SettingsFile::load, "a=1\n", "a=2\n")
                .models(List.of(new ProcessCrash(), new Ordered()));
    }

    @Test
    void oneTestPerFaultGuaranteeAndContextNamedForAPerson() {
        List<String> names = CrashTests.of(inPlace().faults(new RefuseAtomicMove()).build())
                .map(DynamicTest::getDisplayName).toList();
        assertEquals(List.of(
                "G1 atomic visibility, concurrent-reader",
                "G2 crash atomicity, process-crash", "G3 durability, process-crash",
                "G2 crash atomicity, ordered", "G3 durability, ordered",
                "G1 atomic visibility, concurrent-reader, refuse ATOMIC_MOVE",
                "G2 crash atomicity, process-crash, refuse ATOMIC_MOVE", "G3 durability, process-crash, refuse ATOMIC_MOVE",
                "G2 crash atomicity, ordered, refuse ATOMIC_MOVE", "G3 durability, ordered, refuse ATOMIC_MOVE")
                .stream().map(n -> "settings: " + n).toList(), names);
    }

    @Test
    void aBrokenClaimFailsWithTheCounterexampleAnUnclaimedOneIsAbortedAndAHeldOnePasses() throws Throwable {
        List<DynamicTest> tests = CrashTests.of(inPlace().claims(Guarantee.G2, Guarantee.G3).build()).toList();

        AssertionFailedError failed = assertThrows(AssertionFailedError.class, () -> run(tests, "settings: G2 crash atomicity, ordered"));
        assertTrue(failed.getMessage().contains("reader saw: "), failed.getMessage());
        assertTrue(failed.getMessage().contains("I/O trace:"), failed.getMessage());
        assertEquals(0, failed.getStackTrace().length, "the counterexample is the message; no trace buries it");
        TestAbortedException aborted = assertThrows(TestAbortedException.class,
                () -> run(tests, "settings: G1 atomic visibility, concurrent-reader"));
        assertTrue(aborted.getMessage().contains("not-claimed"), aborted.getMessage());
        run(tests, "settings: G3 durability, process-crash");
    }

    @Test
    void aCheckThatFailsIsReportedOnceAndNotRunAgain() throws Throwable {
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        List<DynamicTest> tests = CrashTests.of(CrashTarget.builder("failing")
                .writer(dir -> {
                    writes.incrementAndGet();
                    throw new java.io.IOException("disk full");
                })
                .reader(dir -> null, null, null).build()).toList();
        Throwable first = assertThrows(Throwable.class, () -> tests.get(0).getExecutable().execute());
        assertTrue(first.getMessage().contains("disk full"), first.getMessage());
        for (DynamicTest later : tests.subList(1, tests.size())) {
            TestAbortedException skipped = assertThrows(TestAbortedException.class, () -> later.getExecutable().execute());
            assertTrue(skipped.getMessage().contains("the check failed in an earlier test"), skipped.getMessage());
        }
        assertEquals(1, writes.get(), "the check ran once");
    }

    @Test
    void eachTestHasACrashlabSourceSoSurefireNamesItByItsDisplayName() {
        DynamicTest first = CrashTests.of(inPlace().faults(new RefuseAtomicMove()).build()).toList().get(5);
        assertEquals("crashlab:settings/G1/concurrent-reader/refuse+ATOMIC_MOVE", first.getTestSourceUri().orElseThrow().toString());
    }

    @Test
    void theReportsAreWrittenUnderTheBuildFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Throwable {
        String saved = System.getProperty("crashlab.reports");
        System.setProperty("crashlab.reports", dir.toString());
        try {
            run(CrashTests.of(inPlace().claims(Guarantee.G3).build()).toList(), "settings: G3 durability, process-crash");
        } finally {
            if (saved == null) {
                System.clearProperty("crashlab.reports");
            } else {
                System.setProperty("crashlab.reports", saved);
            }
        }
        for (String file : new String[] {"report.json", "report.html", "summary.md", "junit.xml", "report.sarif"}) {
            assertTrue(java.nio.file.Files.size(dir.resolve("settings").resolve(file)) > 0, file);
        }
    }

    private static void run(List<DynamicTest> tests, String name) throws Throwable {
        tests.stream().filter(t -> t.getDisplayName().equals(name)).findFirst().orElseThrow().getExecutable().execute();
    }
}
