package dev.crashlab.faults.syscall;

import java.util.Arrays;

/**
 * A file under the root as the kernel keeps it: its bytes, followed through every write and
 * truncate, so that a write at a descriptor's position and a copy between files get their offsets
 * and bytes right whatever the file's names are now.
 */
final class Inode {

    private byte[] bytes;
    private int size;

    Inode(byte[] initial) {
        this.bytes = initial.clone();
        this.size = initial.length;
    }

    long size() {
        return size;
    }

    void write(long offset, byte[] data) {
        int end = Math.toIntExact(offset + data.length);
        grow(end);
        System.arraycopy(data, 0, bytes, (int) offset, data.length);
        size = Math.max(size, end);
    }

    void truncate(long length) {
        int n = Math.toIntExact(length);
        grow(n);
        if (n > size) {
            Arrays.fill(bytes, size, n, (byte) 0);
        }
        size = n;
    }

    /** Up to {@code count} bytes from {@code offset}: fewer at the end of the file. */
    byte[] read(long offset, long count) {
        int from = (int) Math.min(offset, size);
        int to = (int) Math.min(size, offset + count);
        return Arrays.copyOfRange(bytes, from, Math.max(from, to));
    }

    private void grow(int needed) {
        if (needed > bytes.length) {
            byte[] more = new byte[Math.max(needed, bytes.length * 2)];
            System.arraycopy(bytes, 0, more, 0, size);
            bytes = more;
        }
    }
}
