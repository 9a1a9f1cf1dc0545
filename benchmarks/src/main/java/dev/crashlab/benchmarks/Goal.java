package dev.crashlab.benchmarks;

import dev.crashlab.reports.Estimate;

/**
 * One of the goals, measured: a ratio and the limit it should stay under.
 *
 * @param name  e.g. "durable put / its syscall floor"
 * @param where the medium and value size it was measured at
 * @param ratio the ratio of the means with its error; null when the benchmarks it needs did not run
 * @param medianRatio the ratio of the medians, steadier on a noisy machine; null when not measured
 * @param limit the largest ratio that meets the goal
 */
record Goal(String name, String where, Estimate ratio, Double medianRatio, double limit) {

    public String verdict() {
        if (ratio == null) {
            return "not measured";
        }
        if (ratio.value() + ratio.halfWidth() <= limit) {
            return "met";
        }
        if (ratio.value() - ratio.halfWidth() > limit) {
            return "missed";
        }
        return ratio.value() <= limit ? "met (within noise)" : "missed (within noise)";
    }
}
