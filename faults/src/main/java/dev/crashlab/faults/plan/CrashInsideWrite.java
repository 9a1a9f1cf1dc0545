package dev.crashlab.faults.plan;

import dev.crashlab.faults.trace.OpKind;

/**
 * The process dies inside write N after its first K bytes reached the file (a torn write as a
 * process crash sees it). The trace's last operation is that write, with only the K bytes.
 */
record CrashInsideWrite(int index, int bytes) implements FaultPlan {

    public CrashInsideWrite {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
    }

    @Override
    public void before(Operation op) {
        if (op.index() != index) {
            return;
        }
        if (op.kind() != OpKind.WRITE) {
            throw new IllegalStateException("#" + index + " is a " + op.kind() + ", not a WRITE; "
                    + "the plan was made for another trace");
        }
        op.writeOnly(Math.min(bytes, op.length()), SimulatedCrash.inside(op, Math.min(bytes, op.length())));
    }

    @Override
    public String toString() {
        return "crash inside #" + index + " after " + bytes + " bytes";
    }
}
