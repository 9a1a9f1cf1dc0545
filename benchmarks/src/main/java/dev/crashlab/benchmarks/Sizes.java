package dev.crashlab.benchmarks;

/** Value sizes as people say them. */
final class Sizes {

    private Sizes() {
    }

    static String describe(long bytes) {
        if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " B";
    }
}
