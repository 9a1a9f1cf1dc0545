package dev.crashlab.faults.plan;

import dev.crashlab.faults.trace.OpKind;

/**
 * Write N writes only its first K bytes and reports that: a channel returns K (legal, and callers
 * that ignore the count lose data); a stream, which cannot return short, writes K bytes and then
 * fails with "No space left on device", as the JDK's own streams do when the disk fills mid-write.
 */
record ShortWrite(int index, int bytes) implements FaultPlan {

    @Override
    public void before(Operation op) {
        if (op.index() == index && op.kind() == OpKind.WRITE) {
            op.writeOnly(Math.min(bytes, op.length()), null);
        }
    }

    @Override
    public String toString() {
        return "short write at #" + index + " (" + bytes + " bytes)";
    }
}
