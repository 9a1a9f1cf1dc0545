package dev.crashlab.scenarios.cli;

import dev.crashlab.reports.Context;
import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Status;
import dev.crashlab.reports.TargetResult;
import dev.crashlab.scenarios.catalog.Catalog;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Keeps {@code --models} from inventing missed findings. The report counts a seeded bug's
 * catalogued guarantee as missed when it was checked somewhere and never broken; but the catalog
 * says in which contexts it breaks, and a run that selected none of them could not have caught it
 * (rename-no-fsync under process-crash alone holds G3, as it should). Such a guarantee is dropped
 * from the target's expected violations, unless it was broken anyway, which keeps its cells
 * counted as expected findings. (A seeded bug left expecting nothing reads as "every violation
 * is expected": it broke nothing catalogued, so only a violation outside the catalog could hide.)
 */
final class Narrowing {

    private Narrowing() {
    }

    static CampaignResult apply(CampaignResult report, Set<Context> contexts) {
        return new CampaignResult(report.schemaVersion(), report.toolVersion(), report.seed(), report.budget(),
                report.shard(), report.startedAt(), report.durationMillis(), report.counts(),
                report.targets().stream().map(t -> narrow(t, contexts)).toList(), report.benchmarks(),
                report.environments());
    }

    private static TargetResult narrow(TargetResult t, Set<Context> contexts) {
        var entry = Catalog.entry(t.id());
        if (!t.seededBug() || entry.isEmpty()) {
            return t;
        }
        Set<Guarantee> expected = EnumSet.noneOf(Guarantee.class);
        for (Guarantee g : t.expectedViolations()) {
            boolean reachable = !Collections.disjoint(
                    entry.get().mustBreak().getOrDefault(g, Set.of()),
                    contexts);
            boolean broken = t.cells().stream().anyMatch(c -> c.guarantee() == g && c.status() == Status.VIOLATED);
            if (reachable || broken) {
                expected.add(g);
            }
        }
        return expected.equals(t.expectedViolations()) ? t
                : new TargetResult(t.id(), t.seededBug(), t.source(), expected, t.cells());
    }
}
