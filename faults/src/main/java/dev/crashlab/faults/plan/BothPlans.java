package dev.crashlab.faults.plan;

import java.io.IOException;

/** Two plans applied in order; the first to stop an operation wins. */
record BothPlans(FaultPlan first, FaultPlan second) implements FaultPlan {

    @Override
    public void before(Operation op) throws IOException {
        first.before(op);
        second.before(op);
    }

    @Override
    public void after(Operation op) {
        first.after(op);
        second.after(op);
    }

    @Override
    public void beforeRead(ReadOpen open) {
        first.beforeRead(open);
        second.beforeRead(open);
    }

    @Override
    public int copyChunk(Operation move) {
        int chunk = first.copyChunk(move);
        return chunk > 0 ? chunk : second.copyChunk(move);
    }

    @Override
    public boolean watchesMemory() {
        return first.watchesMemory() || second.watchesMemory();
    }

    @Override
    public String toString() {
        return first + " + " + second;
    }
}
