package dev.crashlab.faults.crash;

/**
 * How hard to look at each crash point.
 *
 * <p>A crash point whose model allows at most {@code exhaustiveBound} candidate states is
 * enumerated completely. Beyond that, three passes: everything persisted; every candidate that
 * differs from it in one choice (ALICE's omit-one and tear-one), sampled down to the bound if
 * there are more; and {@code samples} candidates drawn uniformly with a generator seeded from
 * {@code seed} and the crash point, so the same seed always yields the same states.
 *
 * @param exhaustiveBound largest candidate count enumerated in full at one crash point
 * @param samples         uniform random candidates per crash point beyond the bound
 * @param seed            recorded in the provenance of every sampled state
 */
public record Exploration(int exhaustiveBound, int samples, long seed) {

    /**
     * 4096 per crash point: every crash point of ACE-sized workloads (up to 3 puts of small values,
     * all 4 models) stays under it, so they are explored exhaustively; and 4096 candidates replay in
     * a few milliseconds, so even a 15-operation trace costs well under a second. Values spanning
     * many sectors (a 1 MiB value has 256) are what push a point over it.
     */
    public static final int DEFAULT_BOUND = 4096;

    public Exploration {
        if (exhaustiveBound < 1 || samples < 0) {
            throw new IllegalArgumentException("bound must be at least 1 and samples not negative");
        }
    }

    public static Exploration defaults() {
        return new Exploration(DEFAULT_BOUND, 256, 0x5EEDL);
    }

    public Exploration withSeed(long newSeed) {
        return new Exploration(exhaustiveBound, samples, newSeed);
    }
}
