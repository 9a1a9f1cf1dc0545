package dev.crashlab.benchmarks;

import dev.crashlab.reports.Estimate;
import java.util.Map;

/**
 * One JMH result, reduced to what the table needs.
 *
 * @param benchmark "Class.method", e.g. "StorePut.put"
 * @param params    JMH parameters, e.g. option, size, fs
 * @param mode      JMH's short mode name: "sample" or "thrpt"
 * @param score     mean latency in microseconds (sample) or operations per second (thrpt)
 * @param p50       median latency in microseconds; null when the mode has no percentiles
 * @param p99       99th percentile latency in microseconds; null when the mode has none
 */
record Measurement(String benchmark, Map<String, String> params, String mode, Estimate score,
                          Double p50, Double p99) {

    public Measurement {
        params = Map.copyOf(params);
    }

    public String param(String name) {
        return params.get(name);
    }

    /** Whether this is {@code benchmark} with every one of {@code wanted}'s parameters. */
    public boolean matches(String benchmark, String mode, Map<String, String> wanted) {
        return this.benchmark.equals(benchmark) && this.mode.equals(mode)
                && wanted.entrySet().stream().allMatch(e -> e.getValue().equals(params.get(e.getKey())));
    }
}
