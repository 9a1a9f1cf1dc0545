package dev.crashlab.faults.crash;

import dev.crashlab.faults.trace.Snapshot;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/** A replayed crash state before it is kept: digested first, so a duplicate is never copied. */
record Tree(SortedSet<String> dirs, SortedMap<String, byte[]> files) {

    /**
     * A SHA-256 of the whole state, the deduplication key. A digest rather than the snapshot itself
     * because a campaign over 1 MiB values would otherwise keep every distinct state in memory.
     */
    Digest digest(MessageDigest sha) {
        sha.reset();
        for (String dir : dirs) {
            update(sha, "d:" + dir);
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            update(sha, "f:" + e.getKey() + ":" + e.getValue().length);
            sha.update(e.getValue());
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

    Snapshot toSnapshot() {
        return new Snapshot(dirs, files);
    }
}
