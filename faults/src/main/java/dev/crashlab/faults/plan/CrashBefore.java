package dev.crashlab.faults.plan;

/** The process dies just before operation N: the trace holds operations 0..N-1. */
record CrashBefore(int index) implements FaultPlan {

    @Override
    public void before(Operation op) {
        if (op.index() == index) {
            throw SimulatedCrash.before(op);
        }
    }

    @Override
    public String toString() {
        return "crash before #" + index;
    }
}
