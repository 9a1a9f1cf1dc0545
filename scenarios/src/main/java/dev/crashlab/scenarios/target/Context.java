package dev.crashlab.scenarios.target;

import java.util.List;

/**
 * Where a guarantee is judged: under one persistence model after a crash, or in a fault context
 * with no crash at all (a reader at a pause point, a corrupted entry, a race). The names are the
 * report's column names.
 */
public final class Context {

    public static final String PROCESS_CRASH = "process-crash";
    public static final String ORDERED = "ordered";
    public static final String EXT4_LIKE = "ext4-like";
    public static final String WEAKEST_POSIX = "weakest-posix";
    /** A reader run while the writer is paused at each I/O point. */
    public static final String CONCURRENT_READER = "concurrent-reader";
    /** The workload run to completion with no fault. */
    public static final String LIVE = "live";
    /** An entry damaged on disk (truncated, bit-flipped, zeroed, foreign). */
    public static final String CORRUPT_ENTRY = "corrupt-entry";
    /** Two actors racing at named pause points (the cache protocols). */
    public static final String RACE = "race";

    /** The persistence models that stand for a power failure (everything but a process crash). */
    public static final List<String> POWER_FAILURE = List.of(ORDERED, EXT4_LIKE, WEAKEST_POSIX);

    private Context() {
    }

    public static boolean isPowerFailure(String context) {
        return POWER_FAILURE.contains(context);
    }
}
