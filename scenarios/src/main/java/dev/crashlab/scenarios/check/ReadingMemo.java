package dev.crashlab.scenarios.check;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the reference reader made of entry files already read in earlier crash states of one
 * exploration, by the digest of the file's bytes. About half the weakest-posix states of unsynced
 * 1 MiB puts repeat an earlier state's entry byte for byte and differ elsewhere (a temp file); the reference reader's verdict on an
 * entry depends on its bytes alone (and on the path it names in an error, hence the root in the
 * key), so a repeated entry is recalled instead of read and checksummed again. G5's writer still
 * puts into every state as it is. Bounded in entries and in the bytes of the values it holds. Not
 * thread-safe: one per exploring thread.
 */
public final class ReadingMemo {

    /** Entries recalled: an invalid one costs a few hundred bytes, so thousands of torn variants fit. */
    private static final int KEPT = 4096;
    /** Values recalled, in bytes: a target putting many distinct 1 MiB values must not fill the heap. */
    private static final long VALUE_BYTES = 64L << 20;

    private final LinkedHashMap<List<Object>, KeyReading> readings = new LinkedHashMap<>(256, 0.75f, true);
    private long valueBytes;
    private long recalled;
    /** Where each key's entry lies under a root: naming it hashes the key, which cost more than a small state's read. */
    private final Map<List<Object>, String> entryPaths = new HashMap<>();

    /** The expectations whose keys and entry file names are kept: one exploration judges one workload's. */
    private Expectations namedFor;
    private List<String> keys;
    private Set<String> entryFileNames;

    List<String> keys(Expectations expected) {
        name(expected);
        if (keys == null) {
            keys = expected.keys();
        }
        return keys;
    }

    Set<String> entryFileNames(Expectations expected) {
        name(expected);
        return entryFileNames;
    }

    void entryFileNames(Expectations expected, Set<String> names) {
        name(expected);
        entryFileNames = Set.copyOf(names);
    }

    private void name(Expectations expected) {
        if (expected != namedFor) {
            namedFor = expected;
            keys = null;
            entryFileNames = null;
        }
    }

    /** The entry's path relative to {@code root}, or null when not named yet. */
    String entryPath(Path root, String key) {
        return entryPaths.get(List.of(root, key));
    }

    void entryPath(Path root, String key, String path) {
        entryPaths.put(List.of(root, key), path);
    }

    KeyReading recall(Path root, String key, String entryDigest) {
        KeyReading r = readings.get(List.of(root, key, entryDigest));
        recalled += r == null ? 0 : 1;
        return r;
    }

    /** How many readings were recalled rather than read. */
    long recalled() {
        return recalled;
    }

    void remember(Path root, String key, String entryDigest, KeyReading reading) {
        KeyReading replaced = readings.put(List.of(root, key, entryDigest), reading);
        valueBytes += bytes(reading) - bytes(replaced);
        Iterator<KeyReading> eldest = readings.values().iterator();
        while (readings.size() > KEPT || valueBytes > VALUE_BYTES) {
            valueBytes -= bytes(eldest.next());
            eldest.remove();
        }
    }

    private static long bytes(KeyReading r) {
        return r == null || r.value() == null ? 0 : r.value().length;
    }
}
