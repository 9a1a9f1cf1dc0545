package dev.crashlab.benchmarks;

import dev.crashlab.reports.Estimate;
import dev.crashlab.reports.Guarantee;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One line of the "guarantee vs cost" table.
 *
 * @param section      "store put", "floor", "group commit" or "peer"
 * @param label        what was measured, e.g. "FILE_AND_DIRECTORY" or "SQLite WAL synchronous=FULL"
 * @param guarantees   the store's guarantees it holds per the campaign's verdicts or the claims table
 *                     ({@link HeldGuarantees}); empty for floors and peers
 * @param holds        the same for a table cell (for a peer: what its documentation promises)
 * @param breaks       what the seeded-bug catalog says it breaks, or what the campaign found broken; empty otherwise
 * @param mean         mean latency, microseconds, with its 99.9% error
 * @param p50          median latency, microseconds; null when not sampled
 * @param p99          99th percentile, microseconds; null when not sampled
 * @param opsPerSecond one thread, back to back
 * @param comparedWith what {@code ratio} divides by; empty when there is no ratio
 * @param ratio        mean / the mean of {@code comparedWith}; null when there is none
 * @param medianRatio  p50 / the p50 of {@code comparedWith}: on a noisy machine the tail decides
 *                     the means, so the medians' ratio is the steadier estimate of the typical put
 */
record CostRow(String section, String label, Set<Guarantee> guarantees, String holds, String breaks, Estimate mean, Double p50,
                      Double p99, Estimate opsPerSecond, String comparedWith, Estimate ratio, Double medianRatio) {

    public CostRow {
        // An EnumSet keeps G1..G6 in order when the row is printed.
        guarantees = guarantees.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(guarantees));
    }
}
