package dev.crashlab.store;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The on-disk form of an entry:
 * <pre>
 *   header  : magic "CLAB" (4) | format version (1) | key length (4, big-endian)
 *   body    : key bytes | value bytes
 *   trailer : value length (8) | CRC32C (4) of everything before the CRC
 * </pre>
 * The lengths and checksum sit in a trailer so a writer can stream a value of unknown size in one
 * pass, and so that any prefix of an entry (a torn or interrupted write) is recognisably incomplete.
 */
final class EntryFormat {

    static final int VERSION = 1;
    private static final byte[] MAGIC = {'C', 'L', 'A', 'B'};
    private static final int HEADER = 4 + 1 + 4;
    private static final int TRAILER = 8 + 4;

    private EntryFormat() {
    }

    /** A decoded entry: its key, and its value or (read against an {@link Expected} one) whether it was that. */
    record Entry(byte[] key, byte[] value, boolean sameValue) {
    }

    /** The size of the entry file holding a key and value of these lengths. */
    static long fileSize(int keyLength, long valueLength) {
        return HEADER + (long) keyLength + valueLength + TRAILER;
    }

    /** Writes the header and key before a value already in place at {@link #valueOffset}, and the trailer after it. */
    static void seal(byte[] entry, byte[] key, int valueLength) {
        ByteBuffer b = ByteBuffer.wrap(entry);
        b.put(MAGIC).put((byte) VERSION).putInt(key.length).put(key);
        b.position(b.position() + valueLength).putLong(valueLength);
        CRC32C crc = new CRC32C();
        crc.update(entry, 0, b.position());
        b.putInt((int) crc.getValue());
    }

    /**
     * Writes the header and key to {@code out} at once, and returns a stream for the value whose
     * {@link ValueStream#finish()} writes the trailer. Used by the stream-to-final seeded bug.
     */
    static ValueStream stream(OutputStream out, byte[] key) throws IOException {
        ValueStream s = new ValueStream(out);
        s.write(ByteBuffer.allocate(HEADER).put(MAGIC).put((byte) VERSION).putInt(key.length).array());
        s.write(key);
        s.valueLength = 0;
        return s;
    }

    /** Checks an entry file's bytes; the message of the exception says what is wrong. */
    static Entry decode(byte[] bytes) throws FormatException {
        if (bytes.length == 0) {
            throw new FormatException("it is empty (0 bytes): the rename reached the disk but the data did not");
        }
        // The header check first: a 1 MiB entry need not be scanned to learn it is not all zeros.
        boolean magic = bytes.length >= MAGIC.length && startsWithMagic(bytes);
        if (!magic && allZero(bytes, 0, bytes.length)) {
            throw foreign(true, bytes.length);
        }
        if (!magic) {
            throw foreign(false, bytes.length);
        }
        if (bytes.length < HEADER + TRAILER) {
            throw new FormatException("it is truncated (" + bytes.length + " bytes, shorter than an empty entry)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.position(MAGIC.length);
        int version = b.get();
        if (version != VERSION) {
            throw new FormatException("it has format version " + version + "; this store reads version " + VERSION);
        }
        int keyLength = b.getInt();
        long available = (long) bytes.length - HEADER - TRAILER;
        if (keyLength < 0 || keyLength > available) {
            throw new FormatException("it is truncated or torn (key length " + keyLength + " does not fit in "
                    + bytes.length + " bytes)");
        }
        long valueLength = ByteBuffer.wrap(bytes, bytes.length - TRAILER, 8).getLong();
        if (valueLength != available - keyLength) {
            // In words shared with read(), which finds the same damage without a whole-file array.
            throw garbageTail(bytes.length, valueLength);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if (stored != (int) crc.getValue()) {
            // As above: read() says the same of a torn value.
            throw checksumMismatch(stored, (int) crc.getValue());
        }
        byte[] key = new byte[keyLength];
        byte[] value = new byte[(int) (available - keyLength)];
        System.arraycopy(bytes, HEADER, key, 0, keyLength);
        System.arraycopy(bytes, HEADER + keyLength, value, 0, value.length);
        return new Entry(key, value, false);
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean allZero(byte[] bytes, int start, int end) {
        // Page by page against zeros: Arrays.mismatch is vectorized, a byte loop over 1 MiB is not.
        for (int from = start; from < end; from += ZEROS.length) {
            int to = Math.min(end, from + ZEROS.length);
            if (Arrays.mismatch(bytes, from, to, ZEROS, 0, to - from) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static final byte[] ZEROS = new byte[4096];

    /** Why bytes are not an entry; turned into an {@link InvalidEntryException} by the caller, who knows the file. */
    static final class FormatException extends Exception {
        FormatException(String problem) {
            super(problem, null, false, false);
        }
    }

    /** The value part of a streamed entry: checksums what passes through, then writes the trailer. */
    static final class ValueStream extends FilterOutputStream {
        private final CRC32C crc = new CRC32C();
        private long valueLength;

        private ValueStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            crc.update(b);
            valueLength++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            crc.update(b, off, len);
            valueLength += len;
        }

        /** Writes the trailer; the entry is complete once this returns. */
        void finish() throws IOException {
            byte[] length = ByteBuffer.allocate(8).putLong(valueLength).array();
            out.write(length);
            crc.update(length);
            out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
            out.flush();
        }

        @Override
        public void close() {
            // the caller owns the file stream: closing it is a step of the protocol, not of the format
        }
    }

    /*
     * At the end of the class, so that the source lines of ValueStream's writes, which
     * counterexamples cite, stay put.
     */

    /** Where the value starts in the entry of a key of this length: the header and the key come first. */
    static int valueOffset(int keyLength) {
        return HEADER + keyLength;
    }

    /** The bytes an entry file adds after its value. */
    static int trailerLength() {
        return TRAILER;
    }

    /**
     * Reads from {@code ch}, at its start, the entry of {@code size} bytes with a key of
     * {@code keyLength} bytes: the value straight into an array of its own, the checksum computed
     * on the way, so a large value is never copied out of a whole-file array. Given an
     * {@code expected} value, the value is not kept but compared with it a piece at a time, through
     * a small buffer the thread reuses: a put that looks at what its key holds needs to know only
     * whether it is valid and the same, and a fresh array per look, zeroed and then filled, cost
     * more than the read itself. A value that does not match its trailer (torn, bit-flipped) raises
     * what {@link #decode} would raise, without reading the file again. Null when the bytes are
     * anything else (another header or key length), or when the file's size changes while it is
     * read: decode, given all of them, says what is wrong.
     */
    static Entry read(java.nio.channels.ReadableByteChannel ch, long size, int keyLength, Expected expected)
            throws IOException, FormatException {
        long valueLength = size - HEADER - keyLength - TRAILER;
        if (valueLength < 0 || valueLength > Integer.MAX_VALUE - 8) {
            return null;
        }
        ByteBuffer head = ByteBuffer.allocate(HEADER + keyLength);
        if (!fill(ch, head) || !startsWithMagic(head.array()) || head.get(MAGIC.length) != VERSION
                || head.getInt(MAGIC.length + 1) != keyLength) {
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(head.array());
        byte[] value = null;
        boolean same = false;
        if (expected == null) {
            value = new byte[(int) valueLength];
            if (!fill(ch, ByteBuffer.wrap(value))) {
                return null;
            }
            crc.update(value);
        } else {
            same = expected.length() == valueLength;
            byte[] piece = Pieces.buffer();
            for (long at = 0; at < valueLength; ) {
                int n = (int) Math.min(piece.length, valueLength - at);
                if (!fill(ch, ByteBuffer.wrap(piece, 0, n))) {
                    return null;
                }
                crc.update(piece, 0, n);
                int from = expected.from() + (int) at;
                same = same && Arrays.equals(piece, 0, n, expected.bytes(), from, from + n);
                at += n;
            }
        }
        ByteBuffer trailer = ByteBuffer.allocate(TRAILER);
        // The one-byte probe tells the end of the file from a file still growing, as a whole read does.
        if (!fill(ch, trailer) || ch.read(ByteBuffer.allocate(1)) != -1) {
            return null;
        }
        // From here on, the checks and their order are decode's for a file of this header and size.
        if (trailer.getLong(0) != valueLength) {
            throw garbageTail(size, trailer.getLong(0));
        }
        crc.update(trailer.array(), 0, 8);
        if (trailer.getInt(8) != (int) crc.getValue()) {
            throw checksumMismatch(trailer.getInt(8), (int) crc.getValue());
        }
        return new Entry(Arrays.copyOfRange(head.array(), HEADER, HEADER + keyLength), value, same);
    }

    /**
     * What decode says of a file of {@code size} bytes whose first bytes are not an entry's header,
     * read from {@code ch}'s start a piece at a time (a 1 MiB file of zeros is not read into an
     * array of its own to learn that). Null when it does start with the header, is shorter than
     * the header's magic, or changes size while read: decode, given all of its bytes, judges those.
     */
    static FormatException readForeign(java.nio.channels.ReadableByteChannel ch, long size) throws IOException {
        if (size < MAGIC.length) {
            return null;
        }
        byte[] piece = Pieces.buffer();
        boolean zeros = true;
        for (long at = 0; at < size; ) {
            int n = (int) Math.min(piece.length, size - at);
            if (!fill(ch, ByteBuffer.wrap(piece, 0, n))) {
                return null;
            }
            if (at == 0 && startsWithMagic(piece)) {
                return null;
            }
            zeros = zeros && allZero(piece, 0, n);
            at += n;
        }
        if (ch.read(ByteBuffer.allocate(1)) != -1) {
            return null;
        }
        return foreign(zeros, size);
    }

    /** Fills {@code b} from {@code ch}; false if the file ends first. */
    private static boolean fill(java.nio.channels.ReadableByteChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A value an entry is compared with as it is read, rather than kept: a put's own serialized
     * value, the {@code length} bytes of {@code bytes} from {@code from}.
     */
    record Expected(byte[] bytes, int from, int length) {
    }

    /** What decode says of a file of {@code length} bytes that does not start with the header. */
    private static FormatException foreign(boolean zeroFilled, long length) {
        return zeroFilled ? new FormatException("it is zero-filled (" + length + " bytes): its data never reached the disk")
                : new FormatException("it is not a crashlab entry (no CLAB header): a foreign file in the store's directory");
    }

    private static FormatException garbageTail(long fileLength, long valueLength) {
        return new FormatException("it is truncated or has a garbage tail (" + fileLength
                + " bytes, but its trailer describes a value of " + valueLength + " bytes)");
    }

    private static FormatException checksumMismatch(int stored, int computed) {
        return new FormatException("its checksum does not match (stored " + Integer.toHexString(stored)
                + ", computed " + Integer.toHexString(computed) + "): torn or bit-flipped");
    }
}
