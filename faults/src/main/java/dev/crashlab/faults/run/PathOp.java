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
    /** File.renameTo: rename(2) alone, a failure reported as false. */
    boolean renameTo;
    /** A boolean method that throws on an I/O error rather than returning false (File.createNewFile). */
    private boolean throwsOnFailure;

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
        if (handle == null) {
            run.recorder().add(kind, path, target, -1, length, null, atomic);
            return;
        }
        if (kind == OpKind.CLOSE) {
            handle.closed = true;
        } else if (kind.isSync()) {
            handle.synced = true;
        }
        run.recorder().add(kind, handle, -1, length, null);
    }

    PathOp throwing() {
        throwsOnFailure = true;
        return this;
    }

    @Override
    public boolean renameTo() {
        return renameTo;
    }

    @Override
    IoDispatch.Token refuse(IOException failure) throws IOException {
        if (booleanResult && !throwsOnFailure) {
            return new Replaced(run, Boolean.FALSE);
        }
        if (descriptorSync) {
            throw new java.io.SyncFailedException(failure.getMessage());
        }
        throw failure;
    }
}
