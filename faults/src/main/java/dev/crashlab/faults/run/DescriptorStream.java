package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;

/** new FileOutputStream(fd) on a descriptor of the run: the stream writes to the same file. */
final class DescriptorStream extends IoDispatch.Token {

    private final ActiveRun run;
    private final Handles.Handle handle;

    DescriptorStream(ActiveRun run, Handles.Handle handle) {
        this.run = run;
        this.handle = handle;
    }

    @Override
    public void constructed(Object self) {
        run.handles().put(self, handle);
    }

    @Override
    public Object exit(Object returned, Throwable thrown) throws Throwable {
        throw new IllegalStateException("a constructor's token has no exit");
    }
}
