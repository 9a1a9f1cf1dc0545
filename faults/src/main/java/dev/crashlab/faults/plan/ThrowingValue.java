package dev.crashlab.faults.plan;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * A value whose serializer fails part-way: {@code writeObject} writes the first bytes of its
 * payload, then throws. The serializer-that-throws fault (docs/architecture.md, "Faults"), as a value a
 * workload can put into any target that uses Java serialization.
 */
final class ThrowingValue implements Serializable {

    private static final long serialVersionUID = 1L;

    private final byte[] payload;
    private final int failAfter;

    public ThrowingValue(byte[] payload, int failAfter) {
        this.payload = payload.clone();
        this.failAfter = Math.min(failAfter, payload.length);
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.write(payload, 0, failAfter);
        out.flush();
        throw new IOException("ThrowingValue: serializer failed after " + failAfter + " of "
                + payload.length + " payload bytes (on purpose)");
    }
}
