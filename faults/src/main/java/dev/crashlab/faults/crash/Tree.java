package dev.crashlab.faults.crash;

import dev.crashlab.faults.trace.Snapshot;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.BiFunction;

/** A replayed crash state before it is kept: digested first, so a duplicate is never copied. */
record Tree(SortedSet<String> dirs, SortedMap<String, byte[]> files, Map<String, Blocks> blocks) {

    /**
     * A SHA-256 of the whole state, the deduplication key. A digest rather than the snapshot itself
     * because a campaign over 1 MiB values would otherwise keep every distinct state in memory.
     * Each file enters by its own digest, which {@code fileDigest} may have cached: most files of
     * most states are a write's bytes exactly as the trace holds them, or made of its blocks.
     */
    Digest digest(MessageDigest sha, BiFunction<byte[], Blocks, byte[]> fileDigest) {
        sha.reset();
        for (String dir : dirs) {
            update(sha, "d:" + dir);
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            update(sha, "f:" + e.getKey() + ":" + e.getValue().length);
            sha.update(fileDigest.apply(e.getValue(), blocks.get(e.getKey())));
        }
        ByteBuffer d = ByteBuffer.wrap(sha.digest());
        return new Digest(d.getLong(), d.getLong(), d.getLong(), d.getLong());
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    record Digest(long a, long b, long c, long d) {
    }

    /** The replay's arrays are either its own, fresh for this state, or trace data nobody modifies. */
    Snapshot toSnapshot() {
        return Snapshot.adopt(dirs, files);
    }
}
