package dev.crashlab.scenarios.campaign;

import dev.crashlab.scenarios.grade.CellKey;
import dev.crashlab.scenarios.grade.Verdict;
import dev.crashlab.scenarios.grade.Grading;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Status;
import dev.crashlab.reports.Vulnerability;
import java.util.function.Supplier;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.target.Target;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The running verdict of every cell. The first counterexample a cell gets is kept: workloads come
 * shortest first and points earliest first, so the first is already the smallest found.
 */
final class Tally {

    private final Map<CellKey, CellTally> cells = new ConcurrentSkipListMap<>();
    private final long startNanos = System.nanoTime();
    private final java.util.concurrent.atomic.AtomicLong crashPoints = new java.util.concurrent.atomic.AtomicLong();

    /** Crash or pause points a probe visited: the report's measure of how far the search went. */
    void visited(long points) {
        crashPoints.addAndGet(points);
    }

    long crashPoints() {
        return crashPoints.get();
    }

    static final class CellTally {
        long checks;
        Status status = Status.NOT_APPLICABLE;
        Evidence counterexample;
        long detectedAfterNanos = -1;
        /** For a crash-state counterexample: the workload it came from and its size there (see brokenAt). */
        int workload = -1;
        long rank = Long.MAX_VALUE;
        /** The explain stage for the kept counterexample; run once, at the end, for violated cells only. */
        Supplier<Vulnerability> why = () -> null;
    }

    /** A check that passed. */
    void held(Target t, Guarantee g, Context context) {
        CellTally c = cells.computeIfAbsent(new CellKey(t.id(), g, context), k -> new CellTally());
        synchronized (c) {
            c.checks++;
            if (c.counterexample == null) {
                c.status = Grading.grade(t.claims(g, context), c.checks, false);
            }
        }
    }

    /** A check that failed; violated or not claimed depending on the target's claims. */
    void broken(Target t, Guarantee g, Context context, Supplier<Evidence> example) {
        broken(t, g, context, example, () -> null);
    }

    void broken(Target t, Guarantee g, Context context, Supplier<Evidence> example, Supplier<Vulnerability> why) {
        CellTally c = cells.computeIfAbsent(new CellKey(t.id(), g, context), k -> new CellTally());
        synchronized (c) {
            c.checks++;
            if (c.counterexample == null) {
                c.status = Grading.grade(t.claims(g, context), c.checks, true);
                c.counterexample = example.get();
                c.why = why;
                c.detectedAfterNanos = System.nanoTime() - startNanos;
            }
        }
    }

    /**
     * A failed check on a crash state of workload {@code w}. Within the workload that first broke the
     * cell, a smaller state replaces the counterexample: the rank orders by crash point, then by how
     * many operations persisted, so what is printed is the earliest crash with the least on disk.
     */
    void brokenAt(Target t, Guarantee g, Context context, int w, long rank, Supplier<Evidence> example,
                  Supplier<Vulnerability> why) {
        CellTally c = cells.computeIfAbsent(new CellKey(t.id(), g, context), k -> new CellTally());
        synchronized (c) {
            if (c.counterexample == null) {
                broken(t, g, context, example, why);
                c.workload = w;
                c.rank = rank;
            } else {
                c.checks++;
                if (c.workload == w && rank < c.rank) {
                    c.counterexample = example.get();
                    c.why = why;
                    c.rank = rank;
                }
            }
        }
    }

    /** Whether a cell got its counterexample from a workload before {@code w}: nothing later can shrink it. */
    boolean decidedBefore(Target t, Guarantee g, Context context, int w) {
        CellTally c = cells.get(new CellKey(t.id(), g, context));
        return c != null && c.counterexample != null && (c.workload < 0 || c.workload < w);
    }

    /** Whether a cell already has its counterexample: a probe may skip work that can only confirm it. */
    boolean decided(Target t, Guarantee g, Context context) {
        CellTally c = cells.get(new CellKey(t.id(), g, context));
        return c != null && c.counterexample != null;
    }

    List<Verdict> verdicts() {
        return cells.entrySet().stream().map(e -> {
            CellTally c = e.getValue();
            synchronized (c) {
                return new Verdict(e.getKey(), Verdict.NO_FAULT, c.status, c.checks,
                        c.counterexample == null ? null : c.counterexample.toCounterexample()
                                .explainedBy(c.status == Status.VIOLATED ? c.why.get() : null),
                        c.detectedAfterNanos < 0 ? -1 : c.detectedAfterNanos / 1_000_000);
            }
        }).toList();
    }
}
