package dev.crashlab.faults.crash;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.Supplier;

/**
 * The garbage torn writes read as, shared by the replays of every trace in this JVM. It is a
 * function of the write's position in its trace, its offset within a sector, its length and the
 * sector size alone, and a campaign's traces repeat those: each of its 4,800 recordings replayed
 * made the garbage of its 1 MiB writes again, a random byte at a time. Bounded in bytes; the
 * arrays are never modified (extents share them, as they share a write's data).
 */
final class GarbageCache {

    private static final long KEPT_BYTES = 32L << 20;

    private record Key(int index, int phase, int length, int sectorSize) {
    }

    private static final LinkedHashMap<Key, byte[]> KEPT = new LinkedHashMap<>(64, 0.75f, true);
    private static long bytes;

    private GarbageCache() {
    }

    static byte[] get(int index, int phase, int length, int sectorSize, Supplier<byte[]> make) {
        Key key = new Key(index, phase, length, sectorSize);
        synchronized (KEPT) {
            byte[] g = KEPT.get(key);
            if (g != null) {
                return g;
            }
        }
        byte[] made = make.get(); // outside the lock: another lane may make the same, equal bytes
        synchronized (KEPT) {
            byte[] g = KEPT.putIfAbsent(key, made);
            if (g != null) {
                return g;
            }
            bytes += made.length;
            Iterator<byte[]> eldest = KEPT.values().iterator();
            while (bytes > KEPT_BYTES && KEPT.size() > 1) {
                bytes -= eldest.next().length;
                eldest.remove();
            }
            return made;
        }
    }
}
