package dev.crashlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContextTest {

    private static final Counterexample CX = SampleResults.cx(1, "put(k, v)", "k", "torn", CrashPosition.INSIDE);

    @Test
    void aViolationMustCarryItsCounterexampleAndAHeldCellMustNot() {
        assertThrows(IllegalArgumentException.class,
                () -> new Cell(Guarantee.G2, Context.ORDERED, Status.VIOLATED, 1, 1L, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Cell(Guarantee.G2, Context.ORDERED, Status.HELD, 1, null, CX));
        new Cell(Guarantee.G2, Context.ORDERED, Status.NOT_CLAIMED, 1, 1L, CX);
    }

    @Test
    void aTargetHasOneCellPerGuaranteeAndModelKeptInCanonicalOrder() {
        Cell g3 = new Cell(Guarantee.G3, Context.ORDERED, Status.HELD, 1, null, null);
        Cell g1weak = new Cell(Guarantee.G1, Context.WEAKEST_POSIX, Status.HELD, 1, null, null);
        Cell g1crash = new Cell(Guarantee.G1, Context.PROCESS_CRASH, Status.HELD, 1, null, null);
        TargetResult t = new TargetResult("t", false, null, null, List.of(g3, g1weak, g1crash));
        assertEquals(List.of(g1crash, g1weak, g3), t.cells());
        assertThrows(IllegalArgumentException.class,
                () -> new TargetResult("t", false, null, null, List.of(g3, g3)));
    }

    @Test
    void targetsUnderTestComeBeforeSeededBugs() {
        CampaignResult r = SampleResults.failing();
        List<String> ids = r.targets().stream().map(TargetResult::id).toList();
        assertEquals(List.of("com.example.ConfigWriter", "reference/FILE_AND_DIRECTORY", "reference/NONE",
                "cache-ahead", "rename-no-fsync", "stream-to-final"), ids);
    }

    @Test
    void aSeededBugsCataloguedViolationIsExpectedAndAnotherOneIsNot() {
        TargetResult t = SampleResults.target("stream-to-final").seeded("000", Guarantee.G1)
                .claims(Guarantee.G1, Guarantee.G3)
                .violated(Guarantee.G1, Context.CONCURRENT_READER, 3, 1L, CX)
                .violated(Guarantee.G3, Context.ORDERED, 3, 1L, CX).build();
        assertTrue(t.isExpectedFinding(t.cell(Guarantee.G1, Context.CONCURRENT_READER)));
        assertFalse(t.isExpectedFinding(t.cell(Guarantee.G3, Context.ORDERED)));
        CampaignResult r = SampleResults.result(List.of(t), List.of());
        assertEquals(1, r.violations());
        assertEquals(1, r.expectedFindings());
        assertFalse(r.passed());
    }

    @Test
    void aSeededBugThatHeldWhereItShouldBreakIsAMissedFinding() {
        TargetResult t = SampleResults.target("no-dir-fsync").seeded("000", Guarantee.G3, Guarantee.G7)
                .claims(Guarantee.G3).notApplicable(Guarantee.G7).build();
        assertEquals(Set.of(Guarantee.G3), t.missedFindings(), "G7 was not applicable, so not missed");
        assertFalse(SampleResults.result(List.of(t), List.of()).passed());
    }

    @Test
    void jsonCannotHoldNaN() {
        assertThrows(IllegalArgumentException.class, () -> new Estimate(Double.NaN, null));
    }

    @Test
    void formatsParseFromTheCommandLine() {
        assertEquals(Format.MARKDOWN, Format.parse("md"));
        assertEquals(Format.JUNIT, Format.parse(" JUnit "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Format.parse("pdf")).getMessage()
                .contains("[json, html, markdown, junit, sarif]"));
        assertEquals(Context.EXT4_LIKE, Context.fromWireName("ext4-like"));
    }
}
