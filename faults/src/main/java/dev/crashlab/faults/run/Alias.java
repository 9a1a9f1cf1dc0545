package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;

/** getChannel() on a stream or RandomAccessFile of the run: the channel writes to the same file. */
final class Alias extends IoDispatch.Token {

    private final ActiveRun run;
    private final Handles.Handle handle;

    Alias(ActiveRun run, Handles.Handle handle) {
        this.run = run;
        this.handle = handle;
    }

    @Override
    public Object exit(Object returned, Throwable thrown) throws Throwable {
        run.threads().unguard();
        if (thrown != null) {
            throw thrown;
        }
        run.handles().put(returned, handle);
        return returned;
    }
}
