package dev.crashlab.scenarios.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * The ACE-style bounds of exhaustive workload generation (CrashMonkey, OSDI 2018: most
 * crash-consistency bugs need three operations or fewer).
 *
 * @param maxSteps longest workload
 * @param keys     the keys steps may name
 * @param values   the values puts may write
 * @param withReadsAndClears whether get and clear steps are generated (they add no I/O of their
 *                 own to crash in, but change what a later put finds)
 * @param maxLargeSteps at most this many steps of a workload write a value larger than one sector
 *                 (4 KiB). A large value is where tears and partial copies show; a second one in
 *                 the same workload multiplies the crash states (every unsynced write tears
 *                 independently) without adding a shape of bug, and the property-based workloads
 *                 cover several large values.
 */
public record Bounds(int maxSteps, List<String> keys, List<Value> values, boolean withReadsAndClears,
                     int maxLargeSteps) {

    /** Larger than one sector: its write can tear. */
    static final int LARGE = 4096;

    public Bounds {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
        }
        if (maxLargeSteps < 0) {
            throw new IllegalArgumentException("maxLargeSteps must not be negative, was " + maxLargeSteps);
        }
        keys = List.copyOf(keys);
        values = List.copyOf(values);
    }

    public Bounds(int maxSteps, List<String> keys, List<Value> values, boolean withReadsAndClears) {
        this(maxSteps, keys, values, withReadsAndClears, maxSteps);
    }

    /** Up to 3 steps over 2 keys, a small and a 1 MiB value (at most once per workload): the default. */
    public static Bounds defaults() {
        return new Bounds(3, List.of("k1", "k2"), List.of(Value.small("small-a"), Value.large("large-b")), true, 1);
    }

    /** The steps one position of a workload may hold. */
    List<Step> alphabet() {
        List<Step> steps = new ArrayList<>();
        for (String k : keys) {
            for (Value v : values) {
                steps.add(new Step.Put(k, v));
            }
        }
        for (String k : keys) {
            for (Value v : values) {
                steps.add(new Step.PutIfAbsent(k, v));
            }
        }
        if (withReadsAndClears) {
            keys.forEach(k -> steps.add(new Step.Get(k)));
            steps.add(new Step.Clear());
        }
        return steps;
    }
}
