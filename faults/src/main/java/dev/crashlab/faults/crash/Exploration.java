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
     * 4096 per crash point: exactly the worst crash point of ACE's bound under the weakest model,
     * three puts of small values with no fsync at all (3 writes x 4 outcomes, 6 entry operations x
     * 2: 4^3 * 2^6 = 4096), so every workload of up to 3 puts is explored exhaustively under every
     * model unless its values span many sectors. 4096 candidates replay in a few milliseconds, so a
     * 15-operation trace stays well under a second. A fourth unsynced put, or unsynced 1 MiB values
     * under weakest-posix, push a crash point past it and into the passes and the sample.
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
