package dev.crashlab.faults.crash;

import dev.crashlab.faults.trace.Snapshot;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A replayed crash state: directories, and files as extents; digested first, so a duplicate never
 * costs bytes. {@code fileDigests} receives each file's digest when the state is digested.
 */
record Tree(SortedSet<String> dirs, SortedMap<String, Extents> files, Map<String, byte[]> fileDigests) {

    Tree(SortedSet<String> dirs, SortedMap<String, Extents> files) {
        this(dirs, files, new HashMap<>());
    }

    /**
     * A SHA-256 of the whole state, the deduplication key. A digest rather than the snapshot itself
     * because a campaign over 1 MiB values would otherwise keep every distinct state in memory.
     * Each file enters by its own digest, which {@code fileDigest} may have cached: most files of
     * most states are a write's bytes exactly as the trace holds them, or made of its blocks.
     */
    Digest digest(MessageDigest sha, Function<Extents, byte[]> fileDigest) {
        sha.reset();
        for (String dir : dirs) {
            update(sha, "d:" + dir);
        }
        for (Map.Entry<String, Extents> e : files.entrySet()) {
            update(sha, "f:" + e.getKey() + ":" + e.getValue().size());
            byte[] digest = fileDigest.apply(e.getValue());
            fileDigests.put(e.getKey(), digest);
            sha.update(digest);
        }
        return Digest.of(sha.digest());
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    record Digest(long a, long b, long c, long d) {
        /** A SHA-256 as four longs: a compact, well-spread key for a hash set. */
        static Digest of(byte[] sha256) {
            ByteBuffer d = ByteBuffer.wrap(sha256);
            return new Digest(d.getLong(), d.getLong(), d.getLong(), d.getLong());
        }
    }

    /** The state's bytes: arrays of the trace where a file is one whole, fresh copies otherwise. */
    Snapshot toSnapshot() {
        TreeMap<String, byte[]> bytes = new TreeMap<>();
        files.forEach((name, extents) -> bytes.put(name, extents.bytes()));
        return Snapshot.adopt(dirs, bytes);
    }
}
