package dev.crashlab.scenarios.campaign;

import dev.crashlab.scenarios.workload.Step;

/**
 * One step of a recorded run: where its operations lie in the trace and whether it returned.
 *
 * @param step         the step
 * @param firstOp      index of its first operation
 * @param endOp        how many operations had happened when it returned (or failed)
 * @param acknowledged whether it returned normally
 * @param error        what it threw, or null
 */
record StepRecord(Step step, int firstOp, int endOp, boolean acknowledged, String error) {
}
