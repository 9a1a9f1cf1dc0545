package dev.crashlab.benchmarks;

import dev.crashlab.reports.Estimate;
import java.util.Map;

/**
 * One row of a user's cost table: a variant of the writer, or one of the machine's floors, on one
 * medium, with what one call costs and, for a variant, what the crash check found.
 *
 * @param what         the variant's name, or the floor's description
 * @param floor        a floor: bare system calls, no user code, no verdicts
 * @param mean         mean latency per call, microseconds, with JMH's 99.9% error
 * @param p50          median latency, microseconds
 * @param p99          99th percentile latency, microseconds
 * @param opsPerSecond calls per second, one thread back to back (1 / mean)
 * @param syncs        fsyncs per call: counted in the check's recorded trace (a variant), by construction (a floor)
 * @param vsWriteFsync against the floor "write + fsync" on the same medium; null for that floor itself
 * @param vsReplace    against the floor "temp + fsync + rename + directory fsync"; null for that floor itself
 * @param vsBaseline   against the provider's first variant on the same medium; null for it and for floors
 * @param cells        the check's word per guarantee and context; empty for a floor
 * @param holds        the guarantees kept, e.g. "G1; G2; G3 (process-crash)"; empty for a floor
 */
record WriterCostRow(String what, String fs, boolean floor, Estimate mean, Double p50, Double p99, Estimate opsPerSecond,
                     long syncs, Spread vsWriteFsync, Spread vsReplace, Spread vsBaseline, Map<String, String> cells,
                     String holds) {

    WriterCostRow {
        cells = Map.copyOf(cells);
    }
}
