package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;
import dev.crashlab.faults.trace.OpKind;
import java.io.IOException;

/**
 * An operation on directory entries: create, move, link, delete, mkdir. Some APIs report it as a
 * boolean (File.delete, mkdir, renameTo, createNewFile): it happened only if they returned true,
 * and a failure the plan injects is a false from most of them, an exception from createNewFile.
 */
class EntryOp extends Pending {

    /** How the call reports the operation. */
    enum Result { VOID, BOOLEAN, BOOLEAN_OR_THROWS }

    private final Result result;
    private final boolean renameTo;

    EntryOp(ActiveRun run, OpKind kind, String path, String target, boolean atomic, Result result, boolean renameTo) {
        super(run, kind, path, target, atomic);
        this.result = result;
        this.renameTo = renameTo;
    }

    static EntryOp of(ActiveRun run, OpKind kind, String path, Result result) {
        return new EntryOp(run, kind, path, null, false, result, false);
    }

    @Override
    boolean happened(Object returned) {
        return result == Result.VOID || Boolean.TRUE.equals(returned);
    }

    @Override
    void record(Object returned) {
        run.recorder().add(kind, path, target(), -1, -1, null, atomic());
    }

    @Override
    public boolean renameTo() {
        return renameTo;
    }

    @Override
    IoDispatch.Token refuse(IOException failure) throws IOException {
        if (result == Result.BOOLEAN) {
            return new Replaced(run, Boolean.FALSE);
        }
        throw failure;
    }
}
