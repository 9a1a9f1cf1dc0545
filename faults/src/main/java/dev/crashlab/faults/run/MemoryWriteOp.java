package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;
import dev.crashlab.faults.plan.SimulatedCrash;
import dev.crashlab.faults.trace.OpKind;

/**
 * A write into memory (ByteArrayOutputStream) on the run's thread, shown to plans that watch
 * serialization: a crash or a failure mid-serialization lands here. Not a file operation, so
 * never in the trace and not numbered.
 */
final class MemoryWriteOp extends Pending {

    private final WriteCall call;

    MemoryWriteOp(ActiveRun run, WriteCall call) {
        super(run, OpKind.WRITE, call.self.getClass().getName(), null, false);
        this.call = call;
    }

    @Override
    IoDispatch.Token begin() throws Throwable {
        try {
            run.plan().before(this);
        } catch (SimulatedCrash crash) {
            throw run.liveness().crashed(crash);
        }
        return writeLimit >= 0 ? partial() : this;
    }

    @Override
    boolean happened(Object returned) {
        return false;
    }

    @Override
    void record(Object returned) {
    }

    @Override
    IoDispatch.Token partial() throws Throwable {
        return cut(call, -1, k -> { });
    }

    @Override
    public int length() {
        return call.data.length;
    }

    @Override
    public boolean inMemory() {
        return true;
    }

    @Override
    public String toString() {
        return "memory write of " + call.data.length + " bytes into " + path;
    }
}
