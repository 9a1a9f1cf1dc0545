package dev.crashlab.scenarios.api;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.plan.Operation;
import dev.crashlab.scenarios.interleave.PausePoints;

/**
 * Reports the writer's I/O attempt {@code index} to a {@link PausePoints} hook, where the
 * interleaver pauses it while the reader runs, and counts attempts and recorded operations. Attempts and trace positions differ once a fault
 * refuses an operation (a refused ATOMIC_MOVE is an attempt, not a trace entry), so the pause is
 * placed by attempt and reported by how many operations the trace held at that moment. Put it
 * first in a composed plan: a plan after one that refuses an operation never sees that attempt.
 */
final class PausePoint implements FaultPlan {

    /** The index of a plan that pauses before every attempt. */
    private static final int EVERY = -2;

    private final int index;
    private final PausePoints hook;
    private int attempts;
    private int recorded;
    private int recordedAtPause = -1;
    private int pausedAt = -1;

    private PausePoint(int index, PausePoints hook) {
        this.index = index;
        this.hook = hook;
    }

    /** Counts only: how many pause points a run offers. */
    static PausePoint counting() {
        return new PausePoint(-1, PausePoints.NONE);
    }

    static PausePoint before(int attempt, PausePoints hook) {
        return new PausePoint(attempt, hook);
    }

    /** Pauses before each attempt in turn, for a reader that reads at every one in a single run. */
    static PausePoint beforeEach(PausePoints hook) {
        return new PausePoint(EVERY, hook);
    }

    /** The pause point's name for the interleaver. */
    static String name(int attempt) {
        return "before I/O attempt " + attempt;
    }

    @Override
    public void before(Operation op) {
        attempts = Math.max(attempts, op.index() + 1);
        if (op.index() == index || index == EVERY) {
            recordedAtPause = recorded;
            pausedAt = op.index();
            hook.reached(name(op.index()));
        }
    }

    @Override
    public void after(Operation op) {
        recorded++;
    }

    int attempts() {
        return attempts;
    }

    boolean fired() {
        return recordedAtPause >= 0;
    }

    /** The attempt the writer is paused before (the latest, pausing before each). */
    int pausedAt() {
        return pausedAt;
    }

    /** Operations in the trace when the writer paused: the index of the next one to happen. */
    int recordedAtPause() {
        return recordedAtPause;
    }

    @Override
    public String toString() {
        return index == EVERY ? "pause before each attempt" : index < 0 ? "count attempts" : "pause before attempt #" + index;
    }
}
