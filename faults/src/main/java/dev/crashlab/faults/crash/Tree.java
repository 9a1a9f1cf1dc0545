package dev.crashlab.faults.crash;

import dev.crashlab.faults.trace.Snapshot;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/** A replayed crash state before it is kept: cheap to hash and compare against kept snapshots. */
record Tree(SortedSet<String> dirs, SortedMap<String, byte[]> files) {

    long fingerprint() {
        long h = dirs.hashCode();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            h = h * 0x9E3779B97F4A7C15L + e.getKey().hashCode();
            h = h * 0x9E3779B97F4A7C15L + Arrays.hashCode(e.getValue()) + e.getValue().length;
        }
        return h ^ (h >>> 29);
    }

    boolean sameAs(Snapshot s) {
        if (!dirs.equals(s.directories()) || !files.keySet().equals(s.files().keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (!Arrays.equals(e.getValue(), s.files().get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    Snapshot toSnapshot() {
        return new Snapshot(dirs, files);
    }
}
