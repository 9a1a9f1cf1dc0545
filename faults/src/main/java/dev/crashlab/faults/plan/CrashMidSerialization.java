package dev.crashlab.faults.plan;

import dev.crashlab.faults.trace.OpKind;

/**
 * The process dies after the target produced K bytes of serialized output, wherever they went.
 *
 * <p>Bytes are counted where they land, on the run's threads: writes into a
 * {@code ByteArrayOutputStream} (a serializer writing to memory first, including an
 * ObjectOutputStream over one) and in-scope file writes (a serializer streaming straight into the
 * file). The write that crosses K lets its first bytes through, then the crash is thrown, so a
 * streaming serializer leaves a torn file while a serialize-to-memory-first target leaves nothing.
 * Memory counts first, so for a target that serializes to memory and then writes the file, a K
 * beyond the value's size lands in the file write instead. Bytes that never pass through one of
 * those sinks (a codec returning a byte array it built itself) are not seen: such a target is
 * covered by {@link CrashInsideWrite}. Holds a counter: use a fresh instance for every run.
 */
final class CrashMidSerialization implements FaultPlan {

    private final long bytes;
    private long produced;

    public CrashMidSerialization(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
        this.bytes = bytes;
    }

    @Override
    public boolean watchesMemory() {
        return true;
    }

    @Override
    public synchronized void before(Operation op) {
        if (op.kind() != OpKind.WRITE || produced > bytes) {
            return;
        }
        if (produced + op.length() > bytes || (op.length() == 0 && produced == bytes)) {
            int prefix = (int) (bytes - produced);
            produced = bytes + 1;
            op.writeOnly(prefix, SimulatedCrash.midSerialization(bytes, op));
            return;
        }
        produced += op.length();
    }

    @Override
    public String toString() {
        return "crash mid-serialization after " + bytes + " bytes";
    }
}
