package dev.crashlab.scenarios.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.ProcessCrash;
import dev.crashlab.scenarios.junit.CrashTests;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A sequence check in JUnit 5: one test per part of the walk, named for a person; the part that failed fails. */
// CrashTests writes its reports where -Dcrashlab.reports says, which CrashTestsTest sets for a moment.
@ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ)
class SequenceTestsTest {

    @Test
    void eachPartOfTheWalkIsATestNamedForAPerson() {
        List<String> names = CrashTests.of(KvSequencesTest.kv(Kv::open).build()).map(DynamicTest::getDisplayName).toList();
        assertEquals(List.of("kv: every sequence of up to 3 of 7 steps (399)",
                "kv: 200 random sequences of 4 to 8 steps, seed 1"), names);
        assertEquals(List.of("kv: 20 random sequences of 1 to 6 steps, seed 9"),
                CrashTests.of(KvSequencesTest.kv(Kv::open).exhaustive(0).random(20, 6).seed(9).build())
                        .map(DynamicTest::getDisplayName).toList());
    }

    @Test
    void thePartThatFoundTheFailureFailsWithTheShrunkSequenceItsSeedAndToken() {
        List<DynamicTest> tests = CrashTests.of(KvSequencesTest.kv(Kv::openInPlace).exhaustive(3).random(5, 5)
                .target(b -> b.models(List.of(new ProcessCrash()))).build()).toList();
        AssertionFailedError failed = assertThrows(AssertionFailedError.class, () -> tests.get(0).getExecutable().execute());
        String m = failed.getMessage();
        assertTrue(m.contains("shrunk to") && m.contains("put(a, 1), put(a, 1), compact()"), m);
        assertTrue(m.contains("seed 1") && m.contains("replay: kv+put-0-0+put-0-0+compact:0:process-crash:"), m);
        TestAbortedException skipped = assertThrows(TestAbortedException.class, () -> tests.get(1).getExecutable().execute());
        assertTrue(skipped.getMessage().contains("the exhaustive part already failed"), skipped.getMessage());
    }

    @Test
    void aStoreThatHoldsPassesEveryPart() throws Throwable {
        for (DynamicTest t : CrashTests.of(KvSequencesTest.kv(Kv::open).exhaustive(1).random(3, 3)
                .target(b -> b.models(List.of(new ProcessCrash()))).build()).toList()) {
            t.getExecutable().execute();
        }
    }

    @Test
    void aBudgetThatEndsTheWalkEarlySkipsThePartsItDidNotFinish() {
        List<DynamicTest> tests = CrashTests.of(KvSequencesTest.kv(Kv::open).exhaustive(2).random(3, 3)
                .budget(10, null).target(b -> b.models(List.of(new ProcessCrash()))).build()).toList();
        for (DynamicTest t : tests) {
            TestAbortedException skipped = assertThrows(TestAbortedException.class, () -> t.getExecutable().execute());
            assertTrue(skipped.getMessage().contains("stopped by the count budget"), skipped.getMessage());
        }
    }
}
