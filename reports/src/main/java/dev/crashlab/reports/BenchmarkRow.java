package dev.crashlab.reports;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One line of the "guarantee vs cost" table the benchmarks module produces.
 *
 * @param benchmark        what was measured, e.g. "put 1 KiB"
 * @param option           the durability option or peer store, e.g. "FILE_AND_DIRECTORY"
 * @param guaranteesHeld   what the campaign showed this option to hold
 * @param meanMicros       mean latency in microseconds
 * @param p50Micros        median latency; may be null
 * @param p99Micros        99th percentile latency; may be null
 * @param opsPerSecond     throughput; may be null
 */
public record BenchmarkRow(String benchmark, String option, Set<Guarantee> guaranteesHeld,
                           Estimate meanMicros, Estimate p50Micros, Estimate p99Micros,
                           Estimate opsPerSecond) {

    public BenchmarkRow {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(meanMicros, "meanMicros");
        guaranteesHeld = guaranteesHeld == null || guaranteesHeld.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(guaranteesHeld));
    }
}
