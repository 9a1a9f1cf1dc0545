package dev.crashlab.faults.crash;

import java.util.Arrays;

/**
 * Where each whole 4 KiB block of a replayed file came from, when it came whole from an array no
 * one modifies (a write's data, a file as it was before the trace, a tear's garbage) or is zeros.
 * The deduplication then digests a torn 1 MiB file from cached block digests instead of hashing a
 * fresh mebibyte per candidate, which was most of the exploration's time. Any change it cannot
 * follow marks the blocks it touched unknown, whose bytes are then hashed: a known block is
 * always exactly its source's bytes, so the digest stays a function of the bytes alone.
 */
final class Blocks {

    static final int SIZE = 4096;
    /** The source of a zero block. */
    static final byte[] ZEROS = new byte[SIZE];

    private byte[][] from = new byte[0][];
    private int[] at = new int[0];

    /** A file whose blocks are all unknown. */
    Blocks() {
    }

    /** A file that holds exactly {@code source}, e.g. a file as it was before the trace. */
    static Blocks of(byte[] source) {
        Blocks b = new Blocks();
        b.copied(0, source.length, source, 0);
        return b;
    }

    /** The array block {@code b} is a copy of, from {@link #offset}; null when unknown. */
    byte[] source(int b) {
        return b < from.length ? from[b] : null;
    }

    int offset(int b) {
        return at[b];
    }

    /**
     * Bytes {@code [offset, offset + length)} now hold {@code source}'s from {@code sourceOffset};
     * a null source means bytes this class cannot follow.
     */
    void copied(long offset, int length, byte[] source, int sourceOffset) {
        mark(offset, length, source, sourceOffset);
    }

    /** Bytes {@code [offset, offset + length)} are now zeros. */
    void zeroed(long offset, int length) {
        mark(offset, length, ZEROS, -1);
    }

    /** Blocks wholly inside the range become copies ({@code sourceOffset} -1: zeros), blocks it cuts unknown. */
    private void mark(long offset, int length, byte[] source, int sourceOffset) {
        if (length <= 0) {
            return;
        }
        long end = offset + length;
        int first = (int) (offset / SIZE);
        int last = (int) ((end - 1) / SIZE);
        grow(last + 1);
        for (int b = first; b <= last; b++) {
            long start = (long) b * SIZE;
            boolean whole = start >= offset && start + SIZE <= end && source != null;
            from[b] = whole ? source : null;
            at[b] = !whole || sourceOffset < 0 ? 0 : (int) (sourceOffset + start - offset);
        }
    }

    /**
     * The file's length changed from {@code before} to {@code after}: bytes between them read as
     * zeros once inside the file (the replay's arrays hold zeros past a file's end).
     */
    void resized(long before, long after) {
        if (after > before) {
            zeroed(before, (int) (after - before));
        } else if (after < before) {
            zeroed(after, (int) (before - after));
        }
    }

    private void grow(int blocks) {
        if (blocks > from.length) {
            int n = Math.max(blocks, from.length * 2);
            from = Arrays.copyOf(from, n);
            at = Arrays.copyOf(at, n);
        }
    }
}
