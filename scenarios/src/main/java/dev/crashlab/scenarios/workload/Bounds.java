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
 */
public record Bounds(int maxSteps, List<String> keys, List<Value> values, boolean withReadsAndClears) {

    public Bounds {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
        }
        keys = List.copyOf(keys);
        values = List.copyOf(values);
    }

    /** Up to 3 steps over 2 keys, a small and a 1 MiB value: the default. */
    public static Bounds defaults() {
        return new Bounds(3, List.of("k1", "k2"), List.of(Value.small("small-a"), Value.large("large-b")), true);
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
