package dev.crashlab.faults.plan;

/**
 * A plain (non-atomic) move performed the way the JDK performs one across file systems: delete
 * the destination if REPLACE_EXISTING, create it, copy the data in chunks, close, delete the
 * source. Each step is its own operation in the trace, so crashes and pauses can land between
 * them and a reader can see the half-copied destination (seed 001).
 *
 * <p>The JDK's own cross-device copy runs in native code the instrumentation cannot see; this plan
 * performs it in Java instead, with {@link #acrossFileStores} limiting it to the moves the JDK
 * would have turned into a copy anyway (e.g. tmpfs to disk) and {@link #everywhere} emulating it on
 * any file system, Jimfs included. ATOMIC_MOVE requests are left alone (see {@link RefuseAtomicMove}).
 */
public record MoveAsCopy(int chunk, boolean onlyAcrossFileStores) implements FaultPlan {

    public MoveAsCopy {
        if (chunk <= 0) {
            throw new IllegalArgumentException("chunk must be positive, got " + chunk);
        }
    }

    public static MoveAsCopy everywhere(int chunk) {
        return new MoveAsCopy(chunk, false);
    }

    public static MoveAsCopy acrossFileStores(int chunk) {
        return new MoveAsCopy(chunk, true);
    }

    @Override
    public int copyChunk(Operation move) {
        if (move.atomic() || (onlyAcrossFileStores && !move.crossesFileStores())) {
            return 0;
        }
        return chunk;
    }

    @Override
    public String toString() {
        return "move as copy in " + chunk + "-byte chunks" + (onlyAcrossFileStores ? " across file stores" : "");
    }
}
