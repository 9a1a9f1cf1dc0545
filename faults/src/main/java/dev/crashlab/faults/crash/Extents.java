package dev.crashlab.faults.crash;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A replayed file's bytes as a list of extents, each a run of an array no one modifies (a write's
 * data, a file as it was before the trace, a tear's garbage) or of zeros. A replay edits the
 * list, never bytes: most candidate states of unsynced 1 MiB writes are duplicates, and building
 * each one's mebibytes only to find its digest already seen was most of an exploration's time.
 * Bytes are built for the states kept, and written straight from the extents when a state is
 * materialized.
 *
 * <p>The extents tile the file: extent {@code i} holds bytes {@code [start[i], start[i] + length[i])}
 * and the next one starts where it ends.
 */
final class Extents {

    /** The unit of the deduplication's block digests. */
    static final int BLOCK = 4096;
    /** What a block of zeros is a copy of, so that zero blocks share one cached digest. */
    static final byte[] ZEROS = new byte[BLOCK];

    private long[] start = new long[4];
    private int[] length = new int[4];
    /** Null for a run of zeros. */
    private byte[][] source = new byte[4][];
    private int[] from = new int[4];
    private int count;
    private long size;

    /** An empty file. */
    Extents() {
    }

    /** A file holding exactly {@code bytes}, which no one may modify afterwards. */
    static Extents of(byte[] bytes) {
        Extents e = new Extents();
        e.put(0, bytes, 0, bytes.length);
        return e;
    }

    long size() {
        return size;
    }

    /** How many extents the file is made of. */
    int extents() {
        return count;
    }

    /** The same bytes in a list of its own, sharing the arrays no one modifies. */
    Extents copy() {
        Extents c = new Extents();
        int capacity = Math.max(4, count);
        c.start = Arrays.copyOf(start, capacity);
        c.length = Arrays.copyOf(length, capacity);
        c.source = Arrays.copyOf(source, capacity);
        c.from = Arrays.copyOf(from, capacity);
        c.count = count;
        c.size = size;
        return c;
    }

    /**
     * Bytes {@code [offset, offset + n)} now hold {@code bytes}' from {@code at}, or zeros when
     * {@code bytes} is null; a file shorter than {@code offset} reads zeros up to it.
     */
    void put(long offset, byte[] bytes, int at, int n) {
        if (n <= 0) {
            return;
        }
        if (offset > size) {
            append(null, 0, offset - size);
        }
        long end = offset + n;
        if (offset == size) {
            append(bytes, at, n);
            return;
        }
        int first = indexAt(offset);
        int last = end >= size ? count - 1 : indexAt(end - 1);
        // What survives of the first and last extents the range cuts.
        long leftLength = offset - start[first];
        long lastEnd = start[last] + length[last];
        long rightLength = lastEnd - end;
        byte[] rightSource = source[last];
        int rightFrom = rightSource == null ? 0 : (int) (from[last] + (end - start[last]));
        int keep = leftLength > 0 ? first + 1 : first;
        if (leftLength > 0) {
            length[first] = (int) leftLength;
        }
        // Everything past the last extent the range touches moves to after the new ones.
        int tail = count - last - 1;
        int added = 1 + (rightLength > 0 ? 1 : 0);
        ensure(keep + added + tail);
        shift(last + 1, keep + added, tail);
        set(keep, offset, n, bytes, at);
        if (rightLength > 0) {
            set(keep + 1, end, (int) rightLength, rightSource, rightFrom);
        }
        count = keep + added + tail;
        size = Math.max(size, end);
        mergeAround(keep);
    }

    /** The file is now {@code n} bytes long: cut, or extended with zeros. */
    void setSize(long n) {
        if (n > size) {
            append(null, 0, n - size);
        } else if (n < size) {
            if (n == 0) {
                count = 0;
            } else {
                int last = indexAt(n - 1);
                length[last] = (int) (n - start[last]);
                count = last + 1;
            }
            size = n;
        }
    }

    /** The one array this file is exactly, whole, or null: such a file's digest is cached per array. */
    byte[] whole() {
        return count == 1 && source[0] != null && from[0] == 0 && length[0] == source[0].length ? source[0] : null;
    }

    /** The file's bytes: the array itself when it is one whole array no one modifies, else a fresh copy. */
    byte[] bytes() {
        byte[] whole = whole();
        if (whole != null || size == 0) {
            return whole != null ? whole : new byte[0];
        }
        byte[] out = new byte[Math.toIntExact(size)];
        for (int i = 0; i < count; i++) {
            if (source[i] != null) {
                System.arraycopy(source[i], from[i], out, (int) start[i], length[i]);
            }
        }
        return out;
    }

    /** Writes the file's bytes to {@code out} extent by extent, without building them in memory first. */
    void writeTo(OutputStream out) throws IOException {
        writeTo(out, 0);
    }

    /**
     * How many bytes from the start this file and {@code other} surely share, judged from the
     * extents alone (the same array at the same place, or zeros on both sides), never from the
     * bytes: a state made from its predecessor rewrites a file from there on, and a log's states,
     * which share all but their last records, cost those records.
     */
    long samePrefix(Extents other) {
        long at = 0;
        long end = Math.min(size, other.size);
        int i = 0;
        int j = 0;
        while (at < end) {
            while (start[i] + length[i] <= at) {
                i++;
            }
            while (other.start[j] + other.length[j] <= at) {
                j++;
            }
            boolean same = source[i] == other.source[j]
                    && (source[i] == null || from[i] + (at - start[i]) == other.from[j] + (at - other.start[j]));
            if (!same) {
                break;
            }
            at = Math.min(end, Math.min(start[i] + length[i], other.start[j] + other.length[j]));
        }
        return at;
    }

    /** Writes the file's bytes from {@code offset} on to {@code out}. */
    void writeTo(OutputStream out, long offset) throws IOException {
        for (int i = 0; i < count; i++) {
            long skip = Math.max(0, offset - start[i]);
            if (skip >= length[i]) {
                continue;
            }
            int n = (int) (length[i] - skip);
            if (source[i] != null) {
                out.write(source[i], (int) (from[i] + skip), n);
            } else {
                for (int left = n; left > 0; left -= BLOCK) {
                    out.write(ZEROS, 0, Math.min(BLOCK, left));
                }
            }
        }
    }

    /** Receives a file's blocks in order. */
    interface BlockVisitor {
        /**
         * A block of {@code n} bytes (less than {@link #BLOCK} only for the last): {@code bytes[at..]}.
         * {@code cut} is null when {@code bytes} is an array no one modifies; else {@code bytes} is a
         * scratch buffer reused for the next block, and {@code cut} names the runs it was assembled
         * from.
         */
        void block(byte[] bytes, int at, int n, Cut cut);
    }

    /**
     * A block assembled from runs of several extents, named by those runs: their arrays (by
     * identity, as no one modifies them; null for zeros), offsets and lengths. Equal cuts hold
     * equal bytes, so a digest of a block that tears and dropped writes cut the same way in many
     * candidate states is computed once, not once per candidate.
     */
    static final class Cut {
        private final byte[][] sources;
        private final int[] offsets;
        private final int[] lengths;
        private final int hash;

        private Cut(byte[][] sources, int[] offsets, int[] lengths) {
            this.sources = sources;
            this.offsets = offsets;
            this.lengths = lengths;
            int h = 1;
            for (int i = 0; i < sources.length; i++) {
                h = h * 31 + System.identityHashCode(sources[i]);
                h = h * 31 + offsets[i];
                h = h * 31 + lengths[i];
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Cut c) || c.hash != hash || c.sources.length != sources.length) {
                return false;
            }
            for (int i = 0; i < sources.length; i++) {
                if (c.sources[i] != sources[i] || c.offsets[i] != offsets[i] || c.lengths[i] != lengths[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Visits each block of the file: a block inside one extent as that extent's array (zeros as
     * {@link #ZEROS}), a block cut by extents assembled into {@code scratch}, {@link #BLOCK} long.
     */
    void blocks(byte[] scratch, BlockVisitor visitor) {
        int i = 0;
        for (long b = 0; b < size; b += BLOCK) {
            int n = (int) Math.min(BLOCK, size - b);
            while (start[i] + length[i] <= b) {
                i++;
            }
            if (start[i] + length[i] >= b + n) {
                if (source[i] == null) {
                    visitor.block(ZEROS, 0, n, null);
                } else {
                    visitor.block(source[i], (int) (from[i] + (b - start[i])), n, null);
                }
                continue;
            }
            int pieces = 0;
            for (int j = i, filled = 0; filled < n; j++, pieces++) {
                filled += Math.min(n - filled, length[j] - (int) Math.max(0, b + filled - start[j]));
            }
            byte[][] sources = new byte[pieces][];
            int[] offsets = new int[pieces];
            int[] lengths = new int[pieces];
            for (int j = i, filled = 0, p = 0; filled < n; j++, p++) {
                int skip = (int) Math.max(0, b + filled - start[j]);
                int take = Math.min(n - filled, length[j] - skip);
                if (source[j] == null) {
                    Arrays.fill(scratch, filled, filled + take, (byte) 0);
                } else {
                    System.arraycopy(source[j], from[j] + skip, scratch, filled, take);
                    offsets[p] = from[j] + skip;
                }
                sources[p] = source[j];
                lengths[p] = take;
                filled += take;
            }
            visitor.block(scratch, 0, n, new Cut(sources, offsets, lengths));
        }
    }

    private void append(byte[] bytes, int at, long n) {
        // A run of zeros longer than an int (a sparse file cut far out) is split into several extents.
        while (n > 0) {
            int part = (int) Math.min(n, Integer.MAX_VALUE);
            ensure(count + 1);
            set(count, size, part, bytes, at);
            count++;
            size += part;
            n -= part;
            mergeAround(count - 1);
        }
    }

    /** The extent holding byte {@code offset}, which lies inside the file. */
    private int indexAt(long offset) {
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (start[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Joins extent {@code i} with neighbours that continue the same run, so sector-by-sector tears stay short lists. */
    private void mergeAround(int i) {
        if (i + 1 < count && continues(i, i + 1)) {
            join(i);
        }
        if (i > 0 && continues(i - 1, i)) {
            join(i - 1);
        }
    }

    private boolean continues(int a, int b) {
        if (source[a] != source[b] || (long) length[a] + length[b] > Integer.MAX_VALUE) {
            return false;
        }
        return source[a] == null || from[a] + length[a] == from[b];
    }

    /** Extent {@code i} absorbs extent {@code i + 1}. */
    private void join(int i) {
        length[i] += length[i + 1];
        shift(i + 2, i + 1, count - i - 2);
        count--;
    }

    private void set(int i, long at, int n, byte[] bytes, int offset) {
        start[i] = at;
        length[i] = n;
        source[i] = bytes;
        from[i] = bytes == null ? 0 : offset;
    }

    private void shift(int fromIndex, int toIndex, int n) {
        if (n > 0 && fromIndex != toIndex) {
            System.arraycopy(start, fromIndex, start, toIndex, n);
            System.arraycopy(length, fromIndex, length, toIndex, n);
            System.arraycopy(source, fromIndex, source, toIndex, n);
            System.arraycopy(from, fromIndex, from, toIndex, n);
        }
    }

    private void ensure(int capacity) {
        if (capacity > start.length) {
            int n = Math.max(capacity, start.length * 2);
            start = Arrays.copyOf(start, n);
            length = Arrays.copyOf(length, n);
            source = Arrays.copyOf(source, n);
            from = Arrays.copyOf(from, n);
        }
    }
}
