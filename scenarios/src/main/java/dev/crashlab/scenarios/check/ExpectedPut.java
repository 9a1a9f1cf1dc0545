package dev.crashlab.scenarios.check;

import java.util.Objects;

/**
 * One put of the workload as the workload itself recorded it: what it wrote and where in the I/O
 * trace it ran. Checkers take every expected value from here, never from the store.
 *
 * @param key          the key put
 * @param value        the value put; shared with the workload, never copied, and no one changes it
 * @param firstOp      index of the put's first operation in the trace
 * @param endOp        how many operations of the trace had happened when the put returned
 * @param acknowledged whether the put returned normally (a conflicting put throws and is not)
 */
public record ExpectedPut(String key, byte[] value, int firstOp, int endOp, boolean acknowledged) {

    public ExpectedPut {
        Objects.requireNonNull(key, "key");
        if (firstOp < 0 || endOp < firstOp) {
            throw new IllegalArgumentException("a put spans operations [" + firstOp + ", " + endOp + ")");
        }
    }

    boolean sameValue(byte[] other) {
        return java.util.Arrays.equals(value, other);
    }

    /** Whether the put had begun writing when the process died at this crash point. */
    boolean startedBefore(int crashPoint) {
        return firstOp < crashPoint;
    }

    /** Whether the put had returned, acknowledged, before the crash point. */
    boolean returnedBefore(int crashPoint) {
        return acknowledged && endOp <= crashPoint;
    }

    /** Whether the process died inside this put. */
    boolean inFlightAt(int crashPoint) {
        return firstOp < crashPoint && crashPoint < endOp;
    }
}
