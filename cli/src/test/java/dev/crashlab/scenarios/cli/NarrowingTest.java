package dev.crashlab.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.reports.Budget;
import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Cell;
import dev.crashlab.reports.Counts;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Status;
import dev.crashlab.reports.TargetResult;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** --models must not turn a seeded bug that breaks only elsewhere into a "missed finding". */
class NarrowingTest {

    /** rename-no-fsync breaks G2 and G3 only under ext4-like and weakest-posix; a process crash holds both. */
    static CampaignResult renameNoFsyncUnderProcessCrash() {
        List<Cell> cells = List.of(new Cell(Guarantee.G2, Context.PROCESS_CRASH, Status.HELD, 10, null, null),
                new Cell(Guarantee.G3, Context.PROCESS_CRASH, Status.HELD, 10, null, null));
        TargetResult t = new TargetResult("rename-no-fsync", true, "000", EnumSet.of(Guarantee.G2, Guarantee.G3), cells);
        return CampaignResult.of("test", 1, Budget.unbounded(), Instant.EPOCH, 0, Counts.zero(), List.of(t), List.of());
    }

    @Test
    void aGuaranteeThatCannotBreakInTheSelectedContextsIsNotMissed() {
        CampaignResult raw = renameNoFsyncUnderProcessCrash();
        assertFalse(raw.passed(), "the report alone calls it a missed finding");

        CampaignResult narrowed = Narrowing.apply(raw, Set.of(Context.PROCESS_CRASH));

        assertTrue(narrowed.passed());
        assertEquals(raw.targets().get(0).cells(), narrowed.targets().get(0).cells(), "cells are never changed");
    }

    @Test
    void aGuaranteeThatCouldHaveBrokenThereIsStillMissed() {
        CampaignResult narrowed = Narrowing.apply(renameNoFsyncUnderProcessCrash(), Set.of(Context.PROCESS_CRASH, Context.EXT4_LIKE));

        assertEquals(2, narrowed.missedFindings());
    }
}
