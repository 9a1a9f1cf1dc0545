package dev.crashlab.scenarios.campaign;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.plan.Operation;

/**
 * Counts the operations that happened, so the workload can note where each step's operations
 * begin and end: checkers need to know which puts had returned at a crash point.
 */
final class StepMarks implements FaultPlan {

    private volatile int happened;

    @Override
    public void after(Operation op) {
        if (op.index() >= 0) {
            happened = op.index() + 1;
        }
    }

    int happened() {
        return happened;
    }

    @Override
    public String toString() {
        return "no fault";
    }
}
