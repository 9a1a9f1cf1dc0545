package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;

/**
 * Another handle on an open file of the run: getChannel() on a stream or RandomAccessFile (the
 * returned channel), or new FileOutputStream(fd) on one of its descriptors (the constructed stream).
 */
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

    @Override
    public void constructed(Object self) {
        run.handles().put(self, handle);
    }
}
