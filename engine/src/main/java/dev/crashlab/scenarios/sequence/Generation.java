package dev.crashlab.scenarios.sequence;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * The sequences a check tries, in order: first every sequence of 1 to {@code exhaustive} steps,
 * shortest first and in the alphabet's order within a length (ACE's bounded-exhaustive workloads: a
 * bug that needs K operations is found by the first K-step sequence that has it), then
 * {@code random} sequences of {@code exhaustive + 1} to {@code maxLength} steps from a seeded
 * random walk. The same alphabet, bounds and seed give the same sequences.
 */
final class Generation {

    private Generation() {
    }

    /**
     * Every sequence of 1 to {@code k} steps: sum over n = 1..k of L^n for an alphabet of L steps;
     * Long.MAX_VALUE where that does not fit (no budget reaches it).
     */
    static long exhaustiveCount(int alphabet, int k) {
        long total = 0;
        long power = 1;
        try {
            for (int n = 1; n <= k; n++) {
                power = Math.multiplyExact(power, alphabet);
                total = Math.addExact(total, power);
            }
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
        return total;
    }

    static Iterator<List<ApiCall>> exhaustive(Alphabet alphabet, int k) {
        return new Iterator<>() {
            int[] digits = new int[1];

            @Override
            public boolean hasNext() {
                return digits != null && digits.length <= k && alphabet.size() > 0;
            }

            @Override
            public List<ApiCall> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<ApiCall> out = new ArrayList<>();
                for (int d : digits) {
                    out.add(alphabet.get(d));
                }
                advance();
                return out;
            }

            private void advance() {
                for (int i = digits.length - 1; i >= 0; i--) {
                    if (++digits[i] < alphabet.size()) {
                        return;
                    }
                    digits[i] = 0;
                }
                digits = new int[digits.length + 1];
            }
        };
    }

    static Iterator<List<ApiCall>> random(Alphabet alphabet, long seed, int count, int minLength, int maxLength) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Iterator<>() {
            int made;

            @Override
            public boolean hasNext() {
                return made < count && alphabet.size() > 0 && minLength <= maxLength;
            }

            @Override
            public List<ApiCall> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                made++;
                int length = minLength + rng.nextInt(maxLength - minLength + 1);
                List<ApiCall> out = new ArrayList<>();
                for (int i = 0; i < length; i++) {
                    out.add(alphabet.get(rng.nextInt(alphabet.size())));
                }
                return out;
            }
        };
    }
}
