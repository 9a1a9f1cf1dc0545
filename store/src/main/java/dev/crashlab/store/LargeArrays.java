package dev.crashlab.store;

import java.lang.ref.SoftReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Entry arrays too large for a thread to keep ({@code Put}'s spare), given back by the put that
 * used them for the next large put of any thread. A fresh 1 MiB array is memory zeroed and then
 * filled, which cost a large put more than serializing into it. Bounded: at most {@link #SLOTS}
 * arrays of at most {@link #MAX_BYTES} each, held softly, so the collector takes them back
 * before memory runs short. An array is handed to one put at a time.
 */
final class LargeArrays {

    private static final int SLOTS = 2;
    private static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final AtomicReferenceArray<SoftReference<byte[]>> KEPT = new AtomicReferenceArray<>(SLOTS);

    private LargeArrays() {
    }

    /** A kept array of at least {@code length} bytes, now the caller's alone; null if none is kept. */
    static byte[] take(long length) {
        for (int i = 0; i < SLOTS; i++) {
            SoftReference<byte[]> ref = KEPT.get(i);
            byte[] kept = ref == null ? null : ref.get();
            if (kept != null && kept.length >= length && KEPT.compareAndSet(i, ref, null)) {
                return kept;
            }
        }
        return null;
    }

    /** Keeps {@code array}, which its put no longer uses, in a free slot or in place of a smaller one. */
    static void give(byte[] array) {
        if (array.length > MAX_BYTES) {
            return;
        }
        for (int i = 0; i < SLOTS; i++) {
            SoftReference<byte[]> ref = KEPT.get(i);
            byte[] kept = ref == null ? null : ref.get();
            if ((kept == null || kept.length < array.length) && KEPT.compareAndSet(i, ref, new SoftReference<>(array))) {
                return;
            }
        }
    }
}
