package example.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.reports.Status;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.grade.Verdict;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import org.junit.jupiter.api.Test;

/** An 80 KB value prints as its length, digest and start, with where it differs: never 80 KB of text. */
class LargeValueOutputTest {

    static final String OLD = "a".repeat(80_000);
    static final String NEW = "b".repeat(80_000);

    @Test
    void aTornLargeValueIsSummarisedWithItsFirstDifference() {
        CrashResult result = CrashCheck.run(CrashTarget.builder("large")
                .setUp(dir -> Writers.atomic(dir, OLD))
                .writer(dir -> Writers.inPlaceInHalves(dir, NEW))
                .reader(dir -> Writers.read(dir, "config"), OLD, NEW)
                .claims(Guarantee.G2).build());
        Verdict torn = result.verdict(Guarantee.G2, Context.PROCESS_CRASH);
        assertEquals(Status.VIOLATED, torn.status());
        String printed = torn.describe();
        assertTrue(printed.length() < 8_000, "a finding stays short: " + printed.length() + " chars");
        assertTrue(printed.contains("80000 chars, sha-256 "), printed);
        assertTrue(printed.contains("(40000 chars, sha-256 "), "the half-written value, summarised: " + printed);
        assertTrue(printed.contains("first difference from the allowed value 2 at char 40000"), printed);
    }
}
