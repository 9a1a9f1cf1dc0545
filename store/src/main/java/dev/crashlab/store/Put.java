package dev.crashlab.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** One put in flight: the key in its three forms, where its entry lives, the value, and how far it got. */
final class Put<V> {
    final String key;
    final byte[] keyBytes;
    final String hash;
    final Path entry;
    /** The entry's directory, where temp files go and which is fsynced: asked for on every put. */
    final Path directory;
    final V value;
    final Codec<V> codec;
    final Durability durability;
    /**
     * The entry file's bytes, its first {@code fileLength}, the value serialized into its place
     * among them; null until encoded. May be longer: an array a put of the same thread used before.
     */
    private byte[] fileBytes;
    private int fileLength;
    private int valueLength;
    /** Set when the key held an invalid entry when the put looked: the one case a publish may replace. */
    boolean replacesInvalid;
    /** Set once readers can see this put's entry: from then on a failure must not say "nothing was published". */
    boolean published;
    /** Set when the key already held this very value: a putAll's error counts it as visible. */
    boolean alreadyStored;
    /** The other puts of the same putAll, for an error that says which keys are visible; null for a single put. */
    List<Put<?>> batch;

    Put(String key, byte[] keyBytes, String hash, Path entry, Path directory, V value, Codec<V> codec,
        Durability durability) {
        this.key = key;
        this.keyBytes = keyBytes;
        this.hash = hash;
        this.entry = entry;
        this.directory = directory;
        this.value = value;
        this.codec = codec;
        this.durability = durability;
    }

    /**
     * Serializes the value to memory, once, straight into the entry file's bytes: nothing touches
     * the disk until serialization succeeded, and the value is never copied to build the entry.
     */
    private void encode() throws IOException {
        if (fileBytes != null) {
            return;
        }
        int offset = EntryFormat.valueOffset(keyBytes.length);
        Encoded out = new Encoded(offset, SPARE.get());
        SPARE.remove(); // this put's now: a put the codec itself makes on this thread gets its own
        try {
            codec.encode(value, out);
        } catch (StackOverflowError e) {
            // Java serialization recurses once per nested object: a long linked structure overflows the caller's stack.
            throw new IllegalArgumentException("The value for key " + describeKey() + " is too deep to serialize"
                    + " (StackOverflowError while encoding it): nothing was published. Store it as a flat structure"
                    + " (an array or a java.util.List), or give the codec a writeObject that does not recurse.");
        }
        valueLength = out.size() - offset;
        fileBytes = out.entry();
        fileLength = out.size() + EntryFormat.trailerLength();
        EntryFormat.seal(fileBytes, keyBytes, valueLength);
    }

    /** How many bytes the serialized value has. */
    int valueLength() throws IOException {
        encode();
        return valueLength;
    }

    /** A copy of the serialized value, for a decoder that may keep or change what it is given. */
    byte[] valueCopy() throws IOException {
        encode();
        int from = EntryFormat.valueOffset(keyBytes.length);
        return Arrays.copyOfRange(fileBytes, from, from + valueLength);
    }

    /** Whether {@code bytes} are exactly the serialized value. */
    boolean valueEquals(byte[] bytes) throws IOException {
        encode();
        int from = EntryFormat.valueOffset(keyBytes.length);
        return Arrays.equals(bytes, 0, bytes.length, fileBytes, from, from + valueLength);
    }

    /**
     * The serialized value, for a look at the key to compare what it finds with; null until the
     * value is serialized, which a look must not make happen earlier than the protocol does (the
     * seeded bugs that serialize mid-protocol).
     */
    EntryFormat.Expected encodedValue() {
        return fileBytes == null ? null
                : new EntryFormat.Expected(fileBytes, EntryFormat.valueOffset(keyBytes.length), valueLength);
    }

    /** The whole entry file's bytes, from the buffer's position to its limit; nothing may change them. */
    ByteBuffer entryBytes() throws IOException {
        encode();
        return ByteBuffer.wrap(fileBytes, 0, fileLength);
    }

    /**
     * Per thread, the entry array of its last put, for its next one. A fresh array per put cost
     * about an eighth of a 4 KiB put on tmpfs (a new array is memory the cache has not seen,
     * zeroed, then filled), and an array the caller's thread just used is in its cache. Only
     * arrays up to {@link #MAX_SPARE} are kept, so a thread holds at most that much.
     */
    private static final ThreadLocal<byte[]> SPARE = new ThreadLocal<>();
    private static final int MAX_SPARE = 64 * 1024;

    /**
     * Called once the put is over, whatever its outcome: its entry array has been written, and
     * nothing reads it any more. Not for a putAll's puts, which all hold their arrays at once.
     */
    void release() {
        if (fileBytes != null && fileBytes.length <= MAX_SPARE) {
            SPARE.set(fileBytes);
        } else if (fileBytes != null) {
            LargeArrays.give(fileBytes);
        }
        fileBytes = null;
    }

    /**
     * Memory the value is serialized into, with the entry's header and key reserved before it and
     * room for its trailer kept after it: a spare array when it has room for the first write, else
     * a larger one another put gave back ({@link LargeArrays}), else one of exactly the entry's
     * size for a value written in one call (the byte and string codecs). Still a
     * ByteArrayOutputStream: a crash mid-serialization is injected into its writes.
     */
    private static final class Encoded extends ByteArrayOutputStream {
        private final int start;

        Encoded(int start, byte[] spare) {
            super(0);
            this.start = start;
            this.count = start;
            this.buf = spare != null && spare.length >= start + EntryFormat.trailerLength() ? spare
                    : new byte[start + EntryFormat.trailerLength()];
        }

        @Override
        public void write(int b) {
            reserve(1);
            super.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            reserve(len);
            super.write(b, off, len);
        }

        /**
         * Room for {@code len} more bytes and the trailer; the first write gets exactly that (or
         * a given-back array with room for it), later ones double. Before the first write there
         * is nothing to carry over: the header and key are written when the entry is sealed.
         */
        private void reserve(int len) {
            long needed = (long) count + Math.max(len, 0) + EntryFormat.trailerLength();
            if (needed > buf.length) {
                if (needed > MAX_ARRAY) {
                    throw new OutOfMemoryError("Required array length " + needed + " is too large");
                }
                if (count == start) {
                    byte[] given = needed > MAX_SPARE ? LargeArrays.take(needed) : null;
                    buf = given != null ? given : new byte[(int) needed];
                } else {
                    buf = Arrays.copyOf(buf, (int) Math.min(Math.max(needed, 2L * buf.length), MAX_ARRAY));
                }
            }
        }

        /** An array whose first {@code size() + trailerLength()} bytes are the entry's, trailer included. */
        byte[] entry() {
            return buf;
        }

        /** The largest array a JVM reliably allocates. */
        private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    }

    String describeKey() {
        return Keys.describe(key);
    }
}
