package dev.crashlab.benchmarks;

import java.util.SplittableRandom;

/** Incompressible values of a given size, made once per trial so no benchmark measures a random generator. */
final class Values {

    private Values() {
    }

    static byte[] random(int size) {
        byte[] value = new byte[size];
        SplittableRandom random = new SplittableRandom(size);
        for (int i = 0; i < size; i++) {
            value[i] = (byte) random.nextInt(256);
        }
        return value;
    }
}
