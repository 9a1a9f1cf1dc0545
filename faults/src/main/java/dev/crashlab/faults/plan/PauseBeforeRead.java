package dev.crashlab.faults.plan;

/**
 * Before the run's first open of an existing file for reading, {@code callback} runs to completion
 * on another thread (a deleter, a writer), then the reader carries on into its open. The race a
 * check-then-open reader loses one time in millions, made to happen every time.
 */
final class PauseBeforeRead implements FaultPlan {

    private final Runnable callback;
    private boolean done;

    public PauseBeforeRead(Runnable callback) {
        this.callback = callback;
    }

    @Override
    public void beforeRead(ReadOpen open) {
        if (!done) {
            done = true;
            open.pause(callback);
        }
    }

    @Override
    public String toString() {
        return "pause before the first read";
    }
}
