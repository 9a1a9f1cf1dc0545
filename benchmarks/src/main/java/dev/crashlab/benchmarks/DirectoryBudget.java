package dev.crashlab.benchmarks;

/**
 * Write-once means each put needs a fresh key, so a benchmark's directory grows with every
 * invocation. Left alone, a NONE put of 1 MiB would fill the disk (or, on tmpfs, the memory) within
 * a minute, and a directory of a million entries would be a different benchmark. This counts what
 * was written and says when to empty the directory; emptying happens in an invocation-level setup,
 * outside the measured time.
 */
final class DirectoryBudget {

    static final long MAX_BYTES = 64L << 20;
    static final int MAX_FILES = 4096;

    private long bytes;
    private int files;

    /** Records one more file of {@code size} bytes; true when the directory should be emptied first. */
    boolean spend(int filesAdded, long size) {
        if (files + filesAdded > MAX_FILES || bytes + size > MAX_BYTES) {
            files = filesAdded;
            bytes = size;
            return true;
        }
        files += filesAdded;
        bytes += size;
        return false;
    }
}
