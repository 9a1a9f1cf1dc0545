package dev.crashlab.scenarios.check;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.store.EntryExistsException;
import dev.crashlab.store.ReaderProtocol;
import dev.crashlab.store.WriteOnceStore;
import java.io.IOException;
import java.time.Duration;

/**
 * G5: after the crash, a reader of an invalid entry gets {@code InvalidEntryException} (never a
 * silent "absent"), and a fresh writer using the target's protocol stores every key within a
 * bounded time (no stale lock, no invalid entry it cannot replace). Writes to the state, so it
 * runs after every read-only checker.
 *
 * <p>The fresh writer puts a small value of its own rather than the workload's (up to 1 MiB, in
 * every one of thousands of states): whether a put can store the key does not depend on the
 * bytes it stores. A complete entry already there refuses it with EntryExistsException, which
 * counts as recovered, as the workload's own value would have been accepted as a no-op.
 */
final class RecoverabilityChecker implements Checker {

    private static final byte[] PROBE = "g5-fresh-writer".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final Stores stores = new Stores();

    private final Duration bound;

    /** A put that takes longer than {@code bound} counts as blocked forever. */
    public RecoverabilityChecker(Duration bound) {
        this.bound = bound;
    }

    public RecoverabilityChecker() {
        this(Duration.ofSeconds(10));
    }

    @Override
    public Guarantee guarantee() {
        return Guarantee.G5;
    }

    @Override
    public CheckResult check(CrashCase c) throws IOException {
        Findings findings = new Findings();
        for (String key : c.keys()) {
            KeyReading onDisk = c.onDisk(stores, key);
            if (onDisk.invalid()) {
                // The target's own reader, unless it is the reference reader that just read it.
                KeyReading r = c.expected().reader() == ReaderProtocol.REFERENCE ? onDisk
                        : KeyReading.of(stores, c.root(), key, c.expected().reader());
                findings.add("reader " + r.describe(), "reader " + key + ": InvalidEntryException", r.invalid());
            }
        }
        for (String key : c.keys()) {
            String outcome = freshPut(c, key);
            findings.add("fresh put " + key + ": " + outcome, "fresh put " + key + ": stored within " + bound,
                    outcome.equals("stored"));
        }
        return findings.verdict(c, Guarantee.G5);
    }

    /** "stored", or what went wrong. A conflicting existing value is G4's business, not a failure here. */
    private String freshPut(CrashCase c, String key) throws IOException {
        WriteOnceStore<byte[]> store = stores.writer(c.root(), c.expected());
        long start = System.nanoTime();
        String outcome;
        PutDeadline.arm(bound.toNanos());
        try {
            store.put(key, PROBE);
            outcome = null;
        } catch (EntryExistsException e) {
            outcome = "stored";
        } catch (Exception e) {
            outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            PutDeadline.disarm();
        }
        if (System.nanoTime() - start > bound.toNanos()) {
            return "still blocked after " + bound;
        }
        if (outcome != null) {
            return outcome;
        }
        KeyReading after = KeyReading.onDisk(stores, c.root(), key);
        return after.value() != null ? "stored" : "returned but left " + after.describe();
    }
}
