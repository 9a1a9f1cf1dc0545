package dev.crashlab.scenarios.stress;

import dev.crashlab.scenarios.workload.Value;

/**
 * The keys and values the stress writers put and the readers check, a pure function of the key's
 * number and the profile, so a reader in another JVM knows every value without being told.
 */
enum StressData {

    /**
     * Sizes of every kind: 0 B to 16 KiB mostly; every tenth key 64-320 KiB (several 64 KiB copy
     * chunks, dozens of 8 KiB stream buffers); every fiftieth 1 MiB.
     */
    VARIED(32, 2_000) {
        @Override
        int size(int i) {
            if (i % 50 == 25) {
                return 1 << 20;
            }
            if (i % 10 == 3) {
                return (64 << 10) + (i * 4099) % (256 << 10);
            }
            return (i * 7919) % (16 << 10);
        }
    },
    /** About 4 MiB each: a cross-device move copies for a while, so a reader has time to look. */
    HUGE(0, 20_000) {
        @Override
        int size(int i) {
            return (4 << 20) + i * 4099;
        }
    };

    private final int rereadEvery;
    private final int warmUpReads;

    StressData(int rereadEvery, int warmUpReads) {
        this.rereadEvery = rereadEvery;
        this.warmUpReads = warmUpReads;
    }

    /**
     * Reads of a key nobody writes a reader process makes before it says it is ready, so that its
     * polling runs compiled: many where catching a short copy window is the point.
     */
    int warmUpReads() {
        return warmUpReads;
    }

    /** Readers re-read keys already seen complete every this many passes (0: only in the last pass). */
    int rereadEvery() {
        return rereadEvery;
    }

    abstract int size(int i);

    static String key(int i) {
        return "stress/key-" + i;
    }

    Value value(int i) {
        return Value.sized("stress-" + name() + "-" + i, size(i));
    }
}
