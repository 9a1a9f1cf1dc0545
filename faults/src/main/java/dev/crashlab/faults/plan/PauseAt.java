package dev.crashlab.faults.plan;

/**
 * Before operation N the writer stops, {@code callback} runs to completion on another thread (a
 * reader, a deleter, a second writer), then the writer carries on. What the callback saw is the
 * callback's business: capture it in the callback. Deterministic: nothing waits on a clock.
 */
record PauseAt(int index, Runnable callback) implements FaultPlan {

    @Override
    public void before(Operation op) {
        if (op.index() == index) {
            op.pause(callback);
        }
    }

    @Override
    public String toString() {
        return "pause before #" + index;
    }
}
