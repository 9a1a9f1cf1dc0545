package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;
import dev.crashlab.faults.trace.OpKind;
import java.util.Arrays;

/** A write into a file through a handle of the run: recorded at its offset, and a point a plan can cut. */
final class WriteOp extends Pending {

    private final WriteCall call;
    private final long offset;
    private final Handles.Handle handle;

    WriteOp(ActiveRun run, WriteCall call, long offset, Handles.Handle handle) {
        super(run, OpKind.WRITE, handle.path, null, false);
        this.call = call;
        this.offset = offset;
        this.handle = handle;
    }

    @Override
    void record(Object returned) {
        recordBytes(returned instanceof Number count ? count.intValue() : call.data.length);
    }

    private void recordBytes(int n) {
        if (n <= 0) {
            return;
        }
        if (call.shape == WriteCall.Shape.STREAM) {
            handle.position = offset + n;
        }
        // The trace's operation copies what it is given: a whole write needs no copy of its own first.
        run.recorder().add(OpKind.WRITE, handle, offset, n, n == call.data.length ? call.data : Arrays.copyOf(call.data, n));
    }

    @Override
    IoDispatch.Token partial() throws Throwable {
        return cut(call, offset, this::recordBytes);
    }

    @Override
    public int length() {
        return call.data.length;
    }

    @Override
    public String toString() {
        return super.toString() + " @" + offset + " +" + call.data.length;
    }
}
