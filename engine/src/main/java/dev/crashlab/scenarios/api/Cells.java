package dev.crashlab.scenarios.api;

import dev.crashlab.reports.Context;
import dev.crashlab.reports.Counterexample;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Vulnerability;
import dev.crashlab.scenarios.explain.ExplainBudget;
import dev.crashlab.scenarios.grade.CellTable;
import dev.crashlab.scenarios.grade.Verdict;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a user's check carries from judge to judge: the target's {@link CellTable} (where every
 * check is recorded and graded, as the campaign's are), the check's clock and its explain budget.
 */
final class Cells {

    private final CellTable table;
    private final ExplainBudget explaining;
    private final CheckClock clock;

    Cells(CrashTarget target, ExplainBudget explaining, CheckClock clock) {
        this.table = new CellTable(target.name(), target.faults().stream().map(Object::toString).toList(),
                target::claims, true);
        this.explaining = explaining;
        this.clock = clock;
    }

    /** The check's budget and progress. */
    CheckClock clock() {
        return clock;
    }

    /** The explain stage's budget for this check's findings. */
    ExplainBudget explaining() {
        return explaining;
    }

    void unexplored(int fault, Guarantee g, Context context) {
        table.unexplored(fault, g, context);
    }

    void visited(long points) {
        table.visited(points);
    }

    long crashPoints() {
        return table.crashPoints();
    }

    void declare(int fault, Guarantee g, Context context) {
        table.declare(fault, g, context);
    }

    /** @param why the explain stage for the first counterexample; it may find none (null) */
    void judge(int fault, Guarantee g, Context context, boolean passed, Supplier<Counterexample> example,
               Supplier<Vulnerability> why) {
        table.judge(fault, g, context, passed, example, why);
    }

    boolean broken(int fault, Guarantee g, Context context) {
        return table.broken(fault, g, context);
    }

    /** Graded, then explained (see {@link CellTable#verdicts()}). */
    List<Verdict> verdicts() {
        return table.verdicts();
    }
}
