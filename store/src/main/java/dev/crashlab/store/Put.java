package dev.crashlab.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/** One put in flight: the key in its three forms, where its entry lives, and the value. */
final class Put<V> {
    final String key;
    final byte[] keyBytes;
    final String hash;
    final Path entry;
    final V value;
    final Codec<V> codec;
    private byte[] encoded;
    /** Set when the key held an invalid entry when the put looked: the one case a publish may replace. */
    boolean replacesInvalid;

    Put(String key, byte[] keyBytes, String hash, Path entry, V value, Codec<V> codec) {
        this.key = key;
        this.keyBytes = keyBytes;
        this.hash = hash;
        this.entry = entry;
        this.value = value;
        this.codec = codec;
    }

    /** The value serialized to memory, once: nothing touches the disk until serialization succeeded. */
    byte[] encodedValue() throws IOException {
        if (encoded == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            codec.encode(value, out);
            encoded = out.toByteArray();
        }
        return encoded;
    }

    /** The whole entry file's bytes. */
    byte[] entryBytes() throws IOException {
        return EntryFormat.encode(keyBytes, encodedValue());
    }

    String describeKey() {
        return Keys.describe(key);
    }
}
