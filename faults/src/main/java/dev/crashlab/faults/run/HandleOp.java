package dev.crashlab.faults.run;

import dev.crashlab.faults.trace.OpKind;
import java.io.IOException;
import java.io.SyncFailedException;

/** A truncate, fsync or close through an open handle: it acts on the file the handle was opened on. */
final class HandleOp extends Pending {

    private final Handles.Handle handle;
    private final long length;
    /** FileDescriptor.sync, which reports failure as SyncFailedException. */
    private final boolean descriptorSync;

    HandleOp(ActiveRun run, OpKind kind, Handles.Handle handle, long length, boolean descriptorSync) {
        super(run, kind, handle.path, null, false);
        this.handle = handle;
        this.length = length;
        this.descriptorSync = descriptorSync;
    }

    @Override
    void record(Object returned) {
        if (kind == OpKind.CLOSE) {
            handle.closed = true;
        } else if (kind.isSync()) {
            handle.synced = true;
        }
        run.recorder().add(kind, handle, -1, length, null);
    }

    @Override
    Pending.Replaced refuse(IOException failure) throws IOException {
        if (descriptorSync) {
            throw new SyncFailedException(failure.getMessage());
        }
        throw failure;
    }
}
