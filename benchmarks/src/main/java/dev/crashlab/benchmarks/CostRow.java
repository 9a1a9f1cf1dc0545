package dev.crashlab.benchmarks;

/**
 * One line of the "guarantee vs cost" table.
 *
 * @param section      "store put", "floor", "group commit" or "peer"
 * @param label        what was measured, e.g. "FILE_AND_DIRECTORY" or "SQLite WAL synchronous=FULL"
 * @param holds        the guarantees it holds (claims, for the store; documentation, for a peer)
 * @param breaks       what the seeded-bug catalog says it breaks; empty otherwise
 * @param mean         mean latency, microseconds, with its 99.9% error
 * @param p50          median latency, microseconds; null when not sampled
 * @param p99          99th percentile, microseconds; null when not sampled
 * @param opsPerSecond one thread, back to back
 * @param comparedWith what {@code ratio} divides by; empty when there is no ratio
 * @param ratio        mean / the mean of {@code comparedWith}; null when there is none
 */
public record CostRow(String section, String label, String holds, String breaks, Estimate mean, Double p50,
                      Double p99, Estimate opsPerSecond, String comparedWith, Estimate ratio) {
}
