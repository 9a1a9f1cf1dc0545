package dev.crashlab.store;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns values into bytes and back. {@link #encode} writes to a stream so that a protocol can
 * choose where the bytes go: memory first (the reference) or straight into the file (the
 * stream-to-final bug). See {@link Codecs} for the built-in ones.
 */
public interface Codec<V> {

    void encode(V value, OutputStream out) throws IOException;

    /** Decodes a value; throws an IOException that says what is wrong when the bytes are not one. */
    V decode(byte[] bytes) throws IOException;
}
