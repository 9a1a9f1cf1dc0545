package dev.crashlab.benchmarks;

import java.util.List;

/**
 * How long and how wide a run is. Quick mode must finish in five minutes on a busy two-core
 * machine, where each of its ~50 forks also pays two seconds of JVM start and sync(1): one fork,
 * 4 KiB values only, sub-second iterations, sampled latency only (throughput is then derived as
 * 1/mean, exact for one thread running back to back). Sample-time error bars come from the
 * hundreds to thousands of sampled invocations, so they stay meaningful with two iterations.
 */
record Profile(String name, List<String> sizes, List<String> batches, List<String> puts, int forks,
               int warmupIterations, int warmupMillis, int measurementIterations, int measurementMillis,
               boolean throughputToo) {

    static final Profile QUICK = new Profile("quick", List.of("4096"), List.of("16"), List.of("1"), 1,
            1, 500, 2, 750, false);
    /**
     * A user's writers in quick mode: ten benchmarks at most for three variants (each variant and two
     * floors, on two media), so there is time for three full-second iterations in the two minutes'
     * budget; a call's untimed fresh directory and set-up leave fewer calls per second to sample than
     * a put has, and more samples is a narrower interval.
     */
    static final Profile WRITER_QUICK = new Profile("quick", List.of(), List.of(), List.of(), 1, 1, 500, 3, 1000, false);
    static final Profile FULL = new Profile("full", List.of("64", "4096", "1048576"), List.of("16", "64"),
            List.of("1", "3"), 2, 2, 1000, 5, 1000, true);
}
