package dev.crashlab.scenarios.campaign;

import dev.crashlab.faults.crash.Roots;
import dev.crashlab.reports.Counterexample;
import dev.crashlab.reports.CrashPoint;
import dev.crashlab.reports.CrashPosition;
import dev.crashlab.reports.Context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.crash.Provenance;
import dev.crashlab.scenarios.check.CheckResult;
import dev.crashlab.scenarios.check.CrashChecks;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.workload.Workload;
import dev.crashlab.scenarios.workload.Workloads;
import dev.crashlab.store.Protocol;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Within the workload that first breaks a cell, the counterexample kept is the earliest crash
 * point with the fewest persisted operations: every failing state of that trace is judged, and
 * the campaign's pick is checked against the minimum over all of them.
 */
class ShrinkTest {

    @Test
    void theCounterexampleIsTheEarliestCrashWithTheLeastOnDisk() {
        for (Object[] cell : new Object[][] {
                {Protocol.RENAME_NO_FSYNC, Guarantee.G3, "ext4-like"},
                {Protocol.STREAM_TO_FINAL, Guarantee.G2, "weakest-posix"},
                {Protocol.NO_DIR_FSYNC, Guarantee.G3, "weakest-posix"}}) {
            StoreTarget target = StoreTarget.seeded((Protocol) cell[0]);
            PersistenceModel model = PersistenceModel.builtIn().stream()
                    .filter(m -> m.name().equals(cell[2])).findFirst().orElseThrow();
            CampaignConfig d = CampaignConfig.defaults(3);
            CampaignRun result = Campaign.run(new CampaignConfig(List.of(target), false, d.bounds(), 0,
                    List.of(model), d.exploration(), 3, 1));
            Counterexample kept = result.verdict(target.id(), (Guarantee) cell[1], Context.fromWireName(model.name())).orElseThrow()
                    .counterexample();
            Recording rec = recording(target, Workloads.exhaustive(d.bounds()).get(workloadOf(kept)));

            List<CheckResult> all = CrashChecks.run(rec.trace(), rec.expectations(target), model, d.exploration());
            Provenance smallest = all.stream()
                    .filter(r -> !r.passed() && r.guarantee() == cell[1])
                    .map(CheckResult::provenance)
                    .min(Comparator.comparingInt(Provenance::crashPoint).thenComparingInt(p -> p.persisted().size()))
                    .orElseThrow();
            assertTrue(all.stream().anyMatch(r -> !r.passed()), "the cell breaks in this trace");
            String shown = kept.describe(Context.fromWireName(model.name()));
            assertEquals(smallest.crashPoint(), crashPoint(kept), shown);
            assertEquals(smallest.persisted().size(), kept.provenance().persisted().size(), shown);
        }
    }

    private static Recording recording(StoreTarget target, Workload workload) {
        try (Roots roots = new Roots("shrink")) {
            return Recording.run(target, workload, roots.fresh(), Campaign.NON_ATOMIC_MOVES);
        }
    }

    /** The workload's ordinal in the campaign's walk, from the replay token SEED:TARGET:RUN:CONTEXT:ORDINAL. */
    private static int workloadOf(Counterexample kept) {
        String[] parts = kept.seed().split(":");
        return Integer.parseInt(parts[parts.length - 3]);
    }

    /** Operations that had happened at the crash: the report's point is the last one, or the first not yet made. */
    private static int crashPoint(Counterexample kept) {
        CrashPoint p = kept.crashPoint();
        return p.position() == CrashPosition.BEFORE ? p.op() : p.op() + 1;
    }
}
