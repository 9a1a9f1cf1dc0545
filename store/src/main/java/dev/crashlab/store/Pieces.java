package dev.crashlab.store;

/**
 * Per thread, one buffer to read a file through a piece at a time, when its bytes are checked and
 * compared but not kept: an array the thread used a moment ago is in its cache, where a fresh
 * 1 MiB array is memory zeroed first and then filled.
 */
final class Pieces {

    private static final int SIZE = 64 * 1024;
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[SIZE]);

    private Pieces() {
    }

    /** This thread's buffer; whoever holds it must be done with it before calling anything that reads an entry. */
    static byte[] buffer() {
        return BUFFER.get();
    }
}
