package dev.crashlab.scenarios.workload;

import java.util.Arrays;
import java.util.Random;

/**
 * A value a workload puts, named so a counterexample reads "put(k1, small-a)" rather than bytes.
 * The bytes are a pure function of the name and size, so a replay rebuilds them from the seed.
 * They are shared, never copied, and no one changes them: a 1 MiB value is put, expected and
 * compared thousands of times a campaign.
 */
public record Value(String name, byte[] bytes) {

    /** 16 bytes: fits in one write and one sector. */
    public static Value small(String name) {
        return sized(name, 16);
    }

    /** 1 MiB: several writes, many sectors; where torn writes and partial copies show. */
    public static Value large(String name) {
        return sized(name, 1 << 20);
    }

    public static Value empty() {
        return new Value("empty", new byte[0]);
    }

    public static Value sized(String name, int size) {
        byte[] b = new byte[size];
        new Random(name.hashCode() * 31L + size).nextBytes(b);
        return new Value(name, b);
    }

    public int size() {
        return bytes.length;
    }

    /** Compares without copying: the checker's inner loop. */
    public boolean sameBytes(byte[] other) {
        return Arrays.equals(bytes, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value v && name.equals(v.name) && Arrays.equals(bytes, v.bytes);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + bytes.length;
    }

    @Override
    public String toString() {
        return name + (bytes.length >= 1024 ? "(" + (bytes.length >> 10) + " KiB)" : "");
    }
}
