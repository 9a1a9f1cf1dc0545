package dev.crashlab.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
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
    private byte[] encoded;
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

    /** The value serialized to memory, once: nothing touches the disk until serialization succeeded. */
    byte[] encodedValue() throws IOException {
        if (encoded == null) {
            Encoded out = new Encoded();
            try {
                codec.encode(value, out);
            } catch (StackOverflowError e) {
                // Java serialization recurses once per nested object: a long linked structure overflows the caller's stack.
                throw new IllegalArgumentException("The value for key " + describeKey() + " is too deep to serialize"
                        + " (StackOverflowError while encoding it): nothing was published. Store it as a flat structure"
                        + " (an array or a java.util.List), or give the codec a writeObject that does not recurse.");
            }
            encoded = out.bytes();
        }
        return encoded;
    }

    /**
     * A value written in one call (the byte and string codecs) fills the buffer exactly: it is
     * handed over as it is, since nothing writes to it afterwards, instead of copied once more.
     */
    private static final class Encoded extends ByteArrayOutputStream {
        byte[] bytes() {
            return count == buf.length ? buf : toByteArray();
        }
    }

    /** The whole entry file's bytes. */
    byte[] entryBytes() throws IOException {
        return EntryFormat.encode(keyBytes, encodedValue());
    }

    String describeKey() {
        return Keys.describe(key);
    }
}
