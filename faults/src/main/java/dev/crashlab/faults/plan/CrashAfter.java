package dev.crashlab.faults.plan;

/** The process dies just after operation N completed: the trace holds operations 0..N. */
record CrashAfter(int index) implements FaultPlan {

    @Override
    public void after(Operation op) {
        if (op.index() == index) {
            throw SimulatedCrash.after(op);
        }
    }

    @Override
    public String toString() {
        return "crash after #" + index;
    }
}
