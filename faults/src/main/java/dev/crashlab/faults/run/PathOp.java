package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;
import dev.crashlab.faults.trace.OpKind;
import java.io.IOException;

/** A directory-entry operation (move, delete, mkdir, link) or a sync/truncate/close on a handle. */
class PathOp extends Pending {

    private final boolean booleanResult;
    long length = -1;
    Handles.Handle handle;
    /** FileDescriptor.sync, which reports failure as SyncFailedException. */
    boolean descriptorSync;

    PathOp(Interceptor run, OpKind kind, String path, boolean booleanResult) {
        super(run, kind, path);
        this.booleanResult = booleanResult;
    }

    @Override
    boolean happened(Object returned) {
        return !booleanResult || Boolean.TRUE.equals(returned);
    }

    @Override
    void record(Object returned) {
        if (handle != null) {
            if (kind == OpKind.CLOSE) {
                handle.closed = true;
            } else if (kind.isSync()) {
                handle.synced = true;
            }
        }
        run.recorder().add(kind, path, target, -1, length, null, atomic);
    }

    @Override
    IoDispatch.Token refuse(IOException failure) throws IOException {
        if (booleanResult) {
            return new Replaced(run, Boolean.FALSE);
        }
        if (descriptorSync) {
            throw new java.io.SyncFailedException(failure.getMessage());
        }
        throw failure;
    }
}
