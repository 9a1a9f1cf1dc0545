package dev.crashlab.faults.plan;

/**
 * The process died here. An {@link Error}, not an exception, because the target is not supposed
 * to catch it: a real crash gives the program no chance to run cleanup code. A target that catches
 * it anyway and carries on is reported (see {@code RunResult#finding()}).
 */
public final class SimulatedCrash extends Error {

    private final int index;
    private final boolean afterDeath;

    private SimulatedCrash(String point, int index, boolean afterDeath) {
        super(point);
        this.index = index;
        this.afterDeath = afterDeath;
    }

    public static SimulatedCrash before(Operation op) {
        return new SimulatedCrash("crash before #" + op.index() + " " + op.kind() + " " + op.path(), op.index(), false);
    }

    public static SimulatedCrash after(Operation op) {
        return new SimulatedCrash("crash after #" + op.index() + " " + op.kind() + " " + op.path(), op.index(), false);
    }

    public static SimulatedCrash inside(Operation op, int bytes) {
        return new SimulatedCrash("crash inside #" + op.index() + " " + op.kind() + " " + op.path() + " after "
                + bytes + " of " + op.length() + " bytes", op.index(), false);
    }

    public static SimulatedCrash midSerialization(long bytes, Operation op) {
        return new SimulatedCrash("crash mid-serialization after " + bytes + " bytes, in "
                + (op.inMemory() ? "memory (" + op.path() + ")" : "#" + op.index() + " " + op.kind() + " " + op.path()),
                op.index(), false);
    }

    /** Thrown at every in-scope operation once the run has crashed: a dead process does no I/O. */
    public static SimulatedCrash afterDeath(SimulatedCrash first) {
        return new SimulatedCrash("the run is dead (" + first.getMessage() + "), yet the target did more I/O",
                first.index, true);
    }

    /** The trace position the crash is attached to (-1 when it happened in memory). */
    public int index() {
        return index;
    }

    /** True for the crash thrown when a target kept doing I/O after swallowing the first one. */
    public boolean afterDeath() {
        return afterDeath;
    }
}
