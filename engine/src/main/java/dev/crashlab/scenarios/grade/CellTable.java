package dev.crashlab.scenarios.grade;

import dev.crashlab.reports.Context;
import dev.crashlab.reports.Counterexample;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Status;
import dev.crashlab.reports.Vulnerability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The running verdict of every cell of one target (fault x guarantee x context): how many checks
 * judged it and the counterexample that decides it. Every judge records here, a user target's and
 * the built-in campaign's probes alike, and {@link #verdicts()} grades each cell once, then hands
 * the ones with a counterexample to the explain stage: grading comes before explaining, and happens
 * in one place.
 *
 * <p>The first counterexample a cell gets is kept, as judges go from the smallest case up (pause
 * points earliest first, crash states latest crash point first, the campaign's workloads shortest
 * first); within one group (a campaign's workload) a smaller rank may still replace it.
 */
public final class CellTable {

    /** Whether the target claims a guarantee in a context: what a counterexample is graded against. */
    public interface Claims {
        boolean claims(Guarantee g, Context context);
    }

    /** The fault-free run's index among the faults: the only one the built-in campaign has. */
    public static final int FAULT_FREE = 0;

    private record Key(int fault, Guarantee guarantee, Context context) {
    }

    private static final class Cell {
        long checks;
        /** A budget ran out before all of the cell was judged. */
        boolean unexplored;
        Counterexample counterexample;
        /** The explain stage for the counterexample, run once the cell is graded. */
        Supplier<Vulnerability> why = () -> null;
        long detectedAfterMs = -1;
        /** The group whose judging gave the counterexample, -1 when judged outside any; and its rank there. */
        int group = -1;
        long rank = Long.MAX_VALUE;
    }

    private final String target;
    private final List<String> faults;
    private final Claims claims;
    private final boolean explainsUnclaimed;
    private final Map<Key, Cell> cells = new LinkedHashMap<>();
    private final long startNanos = System.nanoTime();
    private long crashPoints;

    /**
     * @param faults            each fault's name, by its index in the judges' calls ({@link Verdict#NO_FAULT} first)
     * @param explainsUnclaimed whether a counterexample to a guarantee the target does not claim is explained
     *                          too (a user asks what a weaker option costs), or only violations (the campaign,
     *                          whose seeded bugs break what they do not claim by design)
     */
    public CellTable(String target, List<String> faults, Claims claims, boolean explainsUnclaimed) {
        this.target = target;
        this.faults = List.copyOf(faults);
        this.claims = claims;
        this.explainsUnclaimed = explainsUnclaimed;
    }

    /** Crash or pause points explored: the report's measure of how far the search went. */
    public synchronized void visited(long points) {
        crashPoints += points;
    }

    public synchronized long crashPoints() {
        return crashPoints;
    }

    /** Lists a cell before any check, so that one nothing could judge still shows, as not applicable. */
    public synchronized void declare(int fault, Guarantee g, Context context) {
        cells.putIfAbsent(new Key(fault, g, context), new Cell());
    }

    /** A declared cell a budget cut short: unless broken, it is reported incomplete, never held. */
    public synchronized void unexplored(int fault, Guarantee g, Context context) {
        Cell c = cells.get(new Key(fault, g, context));
        if (c != null) {
            c.unexplored = true;
        }
    }

    /**
     * One check of a cell; the first that fails gives its counterexample.
     *
     * @param why the explain stage for that counterexample; it may find none (null)
     */
    public synchronized void judge(int fault, Guarantee g, Context context, boolean passed,
                                   Supplier<Counterexample> example, Supplier<Vulnerability> why) {
        Cell c = cells.computeIfAbsent(new Key(fault, g, context), k -> new Cell());
        c.checks++;
        if (!passed && c.counterexample == null) {
            keep(c, example, why);
        }
    }

    /** A check that passed. */
    public void held(int fault, Guarantee g, Context context) {
        judge(fault, g, context, true, null, null);
    }

    /** A check that failed: its counterexample, unless the cell has one. */
    public void failed(int fault, Guarantee g, Context context, Supplier<Counterexample> example,
                       Supplier<Vulnerability> why) {
        judge(fault, g, context, false, example, why);
    }

    /**
     * As {@link #judge}, within group {@code group}: in the group that first broke the cell, a failed
     * check of smaller {@code rank} replaces the counterexample (the campaign ranks crash states by
     * crash point, then by how much persisted, so the earliest crash with the least on disk is printed).
     */
    public synchronized void judge(int fault, Guarantee g, Context context, boolean passed, int group, long rank,
                                   Supplier<Counterexample> example, Supplier<Vulnerability> why) {
        Cell c = cells.computeIfAbsent(new Key(fault, g, context), k -> new Cell());
        c.checks++;
        if (passed) {
            return;
        }
        if (c.counterexample == null) {
            keep(c, example, why);
            c.group = group;
            c.rank = rank;
        } else if (c.group == group && rank < c.rank) {
            c.counterexample = example.get();
            c.why = why;
            c.rank = rank;
        }
    }

    private void keep(Cell c, Supplier<Counterexample> example, Supplier<Vulnerability> why) {
        c.counterexample = example.get();
        c.why = why;
        c.detectedAfterMs = (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Whether the cell has its counterexample: its verdict is decided, whatever else is judged. */
    public synchronized boolean broken(int fault, Guarantee g, Context context) {
        Cell c = cells.get(new Key(fault, g, context));
        return c != null && c.counterexample != null;
    }

    /** Whether the cell got its counterexample outside any group or from one before {@code group}: no later group can shrink it. */
    public synchronized boolean brokenBefore(int fault, Guarantee g, Context context, int group) {
        Cell c = cells.get(new Key(fault, g, context));
        return c != null && c.counterexample != null && c.group < group;
    }

    /**
     * Graded first, then explained: every cell gets its status from its checks and the claims, and
     * only a cell with a counterexample (a violation; with {@code explainsUnclaimed}, any) goes on to
     * the explain stage.
     */
    public List<Verdict> verdicts() {
        List<Verdict> out = new ArrayList<>();
        Map<Key, Cell> graded;
        synchronized (this) {
            graded = new LinkedHashMap<>(cells);
        }
        graded.forEach((k, c) -> {
            Status status = c.unexplored && c.counterexample == null ? Status.INCOMPLETE
                    : Grading.grade(claims.claims(k.guarantee(), k.context()), c.checks, c.counterexample != null);
            Counterexample shown = c.counterexample == null ? null
                    : status == Status.VIOLATED || explainsUnclaimed ? c.counterexample.explainedBy(c.why.get())
                    : c.counterexample.explainedBy(null);
            out.add(new Verdict(new CellKey(target, k.guarantee(), k.context()), faults.get(k.fault()), status,
                    c.checks, shown, c.detectedAfterMs));
        });
        return out;
    }
}
