package dev.crashlab.scenarios.check;

import dev.crashlab.scenarios.catalog.Claims;
import dev.crashlab.scenarios.grade.Grading;
import dev.crashlab.reports.Context;
import dev.crashlab.faults.crash.CrashState;
import dev.crashlab.faults.crash.Provenance;
import dev.crashlab.faults.trace.Snapshot;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.store.ReaderProtocol;
import java.io.IOException;
import java.nio.file.Path;
import dev.crashlab.store.WriteOnceStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One crash state ready to judge: materialized at {@code root}, with how it came about, what the
 * workload expected, and the store's contents before the workload (for collateral damage).
 */
public final class CrashCase {

    private final Path root;
    private final Provenance provenance;
    private final Expectations expected;
    private final Snapshot before;
    /**
     * What the reference reader found per key. Every read-only checker reads every key, and a 1 MiB
     * entry costs a read and a checksum each time; the state does not change until G5 writes to it.
     */
    private final Map<String, KeyReading> readings = new HashMap<>();
    /** The state's files' digests and the readings of earlier states, or null to read every entry. */
    private final CrashState state;
    private final ReadingMemo memo;

    public CrashCase(Path root, Provenance provenance, Expectations expected, Snapshot before) {
        this.root = root;
        this.provenance = provenance;
        this.expected = expected;
        this.before = before;
        this.state = null;
        this.memo = null;
    }

    /**
     * The crash state materialized at {@code root}, where an entry whose bytes an earlier state of
     * the same exploration held is recalled from {@code memo} rather than read again.
     */
    public CrashCase(Path root, CrashState state, Expectations expected, Snapshot before, ReadingMemo memo) {
        this.root = root;
        this.provenance = state.provenance();
        this.expected = expected;
        this.before = before;
        this.state = state;
        this.memo = memo;
    }

    public Path root() {
        return root;
    }

    public Provenance provenance() {
        return provenance;
    }

    public Expectations expected() {
        return expected;
    }

    public Snapshot before() {
        return before;
    }

    /** The workload's keys, in first-put order: named once per exploration, not once per checker and state. */
    List<String> keys() {
        return memo == null ? expected.keys() : memo.keys(expected);
    }

    /** The names of the workload's keys' entry files (each named by a hash of its key). */
    Set<String> entryFileNames(Stores stores) throws IOException {
        if (memo != null && memo.entryFileNames(expected) != null) {
            return memo.entryFileNames(expected);
        }
        WriteOnceStore<byte[]> names = stores.reader(root, ReaderProtocol.REFERENCE);
        Set<String> files = new HashSet<>();
        for (String key : keys()) {
            files.add(names.entryFile(key).getFileName().toString());
        }
        if (memo != null) {
            memo.entryFileNames(expected, files);
        }
        return files;
    }

    int crashPoint() {
        return provenance.crashPoint();
    }

    /** What the reference reader makes of the key's bytes in this state, read once. */
    KeyReading onDisk(Stores stores, String key) throws IOException {
        KeyReading r = readings.get(key);
        if (r == null) {
            r = recalled(stores, key);
            readings.put(key, r);
        }
        return r;
    }

    private KeyReading recalled(Stores stores, String key) throws IOException {
        if (state == null) {
            return KeyReading.onDisk(stores, root, key);
        }
        String entry = memo.entryPath(root, key);
        if (entry == null) {
            entry = Snapshot.relative(root, stores.reader(root, ReaderProtocol.REFERENCE).entryFile(key));
            memo.entryPath(root, key, entry);
        }
        String digest = state.fileDigest(entry);
        if (digest == null) {
            return KeyReading.onDisk(stores, root, key); // no entry file, or nothing to recall it by
        }
        KeyReading r = memo.recall(root, key, digest);
        if (r == null) {
            r = KeyReading.onDisk(stores, root, key);
            memo.remember(root, key, digest, r);
        }
        return r;
    }

    /** A state of the process-crash model is what the page cache held; every other model is a power failure. */
    boolean powerFailure() {
        return Context.fromWireName(provenance.model()).isPowerFailure();
    }

    CheckResult pass(Guarantee g, String seen, String allowed) {
        return new CheckResult(g, Grading.grade(claimed(g), 1, false), seen, allowed, provenance);
    }

    private boolean claimed(Guarantee g) {
        return Claims.claimedBy(expected.durability(), g, Context.fromWireName(provenance.model()));
    }

    /** A broken guarantee is a violation only if the durability option claims it. */
    CheckResult broken(Guarantee g, String seen, String allowed) {
        return new CheckResult(g, Grading.grade(claimed(g), 1, true), seen, allowed, provenance);
    }

    @Override
    public String toString() {
        return "crash case at " + root + " (" + provenance.summary() + ")";
    }
}
