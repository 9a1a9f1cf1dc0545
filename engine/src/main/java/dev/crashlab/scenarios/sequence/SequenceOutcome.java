package dev.crashlab.scenarios.sequence;

import dev.crashlab.scenarios.api.CrashResult;
import java.util.List;

/**
 * What checking one sequence gave: the engine's result, or the error that stopped it (the store
 * threw with no fault injected: the sequence failed before any crash).
 */
record SequenceOutcome(List<ApiCall> steps, CrashResult result, String error) {

    SequenceOutcome {
        steps = List.copyOf(steps);
    }

    boolean failed() {
        return error != null || !result.passed();
    }
}
