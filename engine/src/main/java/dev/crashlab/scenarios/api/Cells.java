package dev.crashlab.scenarios.api;

import dev.crashlab.scenarios.grade.CellKey;
import dev.crashlab.scenarios.grade.Verdict;
import dev.crashlab.scenarios.grade.Grading;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Counterexample;
import dev.crashlab.reports.Status;
import dev.crashlab.reports.Vulnerability;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.explain.ExplainBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The running verdict of each fault x guarantee x context. The first counterexample is kept:
 * pause points come earliest first and crash states latest crash point first, which is the order
 * a person replays them in.
 */
final class Cells {

    private record Key(int fault, Guarantee guarantee, Context context) {
    }

    private static final class Tally {
        long checks;
        /** A budget ran out before all of the cell was judged. */
        boolean unexplored;
        Counterexample counterexample;
        /** The explain stage for the counterexample, run once the cell is graded. */
        Supplier<Vulnerability> why = () -> null;
        long detectedAfterMs = -1;
    }

    private final CrashTarget target;
    private final ExplainBudget explaining;
    private final CheckClock clock;
    private final Map<Key, Tally> cells = new LinkedHashMap<>();
    private final long startNanos = System.nanoTime();
    private long crashPoints;

    Cells(CrashTarget target, ExplainBudget explaining, CheckClock clock) {
        this.target = target;
        this.explaining = explaining;
        this.clock = clock;
    }

    /** The check's budget and progress. */
    CheckClock clock() {
        return clock;
    }

    /** A declared cell the budget cut short: unless broken, it is reported incomplete, never held. */
    void unexplored(int fault, Guarantee g, Context context) {
        Tally t = cells.get(new Key(fault, g, context));
        if (t != null) {
            t.unexplored = true;
        }
    }

    /** The explain stage's budget for this check's findings. */
    ExplainBudget explaining() {
        return explaining;
    }

    /** Crash points (per model) and reader pause points explored: the report's measure of how far the search went. */
    void visited(long points) {
        crashPoints += points;
    }

    long crashPoints() {
        return crashPoints;
    }

    /** Lists a cell before any check, so one nothing could judge still shows, as not applicable. */
    void declare(int fault, Guarantee g, Context context) {
        cells.putIfAbsent(new Key(fault, g, context), new Tally());
    }

    /** @param why the explain stage for the first counterexample; it may find none (null) */
    void judge(int fault, Guarantee g, Context context, boolean passed, Supplier<Counterexample> example,
               Supplier<Vulnerability> why) {
        Tally t = cells.computeIfAbsent(new Key(fault, g, context), k -> new Tally());
        t.checks++;
        if (!passed && t.counterexample == null) {
            t.counterexample = example.get();
            t.detectedAfterMs = (System.nanoTime() - startNanos) / 1_000_000;
            t.why = why;
        }
    }

    /** Whether the cell has its counterexample: its verdict is decided, whatever else is judged. */
    boolean broken(int fault, Guarantee g, Context context) {
        Tally t = cells.get(new Key(fault, g, context));
        return t != null && t.counterexample != null;
    }

    /**
     * Graded first, then explained: every cell gets its status from its checks, and only a cell that
     * has a counterexample (violated, or broken where it is not claimed) goes on to the explain stage.
     */
    List<Verdict> verdicts() {
        List<Verdict> out = new ArrayList<>();
        cells.forEach((k, t) -> {
            Status status = status(k.guarantee(), k.context(), t);
            Counterexample explained = t.counterexample == null ? null : t.counterexample.explainedBy(t.why.get());
            out.add(new Verdict(new CellKey(target.name(), k.guarantee(), k.context()),
                    target.faults().get(k.fault()).toString(), status, t.checks, explained, t.detectedAfterMs));
        });
        return out;
    }

    private Status status(Guarantee g, Context context, Tally t) {
        if (t.unexplored && t.counterexample == null) {
            return Status.INCOMPLETE;
        }
        return Grading.grade(target.claims(g, context), t.checks, t.counterexample != null);
    }
}
