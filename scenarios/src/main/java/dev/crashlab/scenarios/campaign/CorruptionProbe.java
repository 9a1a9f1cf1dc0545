package dev.crashlab.scenarios.campaign;

import static dev.crashlab.scenarios.grade.CellTable.FAULT_FREE;

import dev.crashlab.scenarios.grade.CellTable;
import dev.crashlab.scenarios.grade.ReplayToken;
import dev.crashlab.scenarios.grade.CellKey;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.target.Observation;
import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.workload.Step;
import dev.crashlab.scenarios.workload.Value;
import dev.crashlab.scenarios.workload.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * G5 for readers: a stored entry is damaged on disk the ways Lucene's MockDirectoryWrapper damages
 * unsynced files (truncated, zeroed, bit-flipped) plus an empty and a foreign file; the target's
 * reader must report it with its dedicated error, never answer absent or a value.
 */
final class CorruptionProbe {

    record Damage(String name, UnaryOperator<byte[]> apply) {
    }

    static final List<Damage> DAMAGES = List.of(
            new Damage("truncated to half", b -> Arrays.copyOf(b, b.length / 2)),
            new Damage("zero-filled", b -> new byte[b.length]),
            new Damage("one bit flipped", b -> {
                byte[] c = b.clone();
                c[c.length / 2] ^= 1;
                return c;
            }),
            new Damage("emptied", b -> new byte[0]),
            new Damage("replaced by a foreign file", b -> "not an entry\n".getBytes()));

    /** What stands at an entry's path instead of the entry: none of these may be followed, opened blocking or looped on. */
    record Oddity(String name, Maker make) {
    }

    interface Maker {
        void make(Path entry, Path outside) throws Exception;
    }

    static final List<Oddity> ODDITIES = List.of(
            new Oddity("replaced by a symbolic link to a copy outside the store", (entry, outside) -> {
                Path copy = Files.copy(entry, outside.resolve("copy.entry"));
                Files.delete(entry);
                Files.createSymbolicLink(entry, copy);
            }),
            new Oddity("replaced by a dangling symbolic link", (entry, outside) -> {
                Files.delete(entry);
                Files.createSymbolicLink(entry, outside.resolve("nowhere"));
            }),
            new Oddity("replaced by a FIFO", (entry, outside) -> {
                Files.delete(entry);
                if (new ProcessBuilder("mkfifo", entry.toString()).start().waitFor() != 0) {
                    throw new java.io.IOException("mkfifo failed");
                }
            }),
            new Oddity("replaced by a directory holding a file", (entry, outside) -> {
                Files.delete(entry);
                Files.writeString(Files.createDirectory(entry).resolve("theirs"), "keep");
            }),
            new Oddity("grown to a sparse 3 GiB", (entry, outside) -> {
                try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(entry.toFile(), "rw")) {
                    f.setLength(3L << 30);
                }
            }));

    private static final Value AFTER = Value.small("small-b");

    private final Supplier<Path> freshRoot;
    private final long seed;

    CorruptionProbe(Supplier<Path> freshRoot, long seed) {
        this.freshRoot = freshRoot;
        this.seed = seed;
    }

    void explore(StoreTarget target, CellTable cells) throws Exception {
        explore(target, cells, 0, DAMAGES.size() + ODDITIES.size());
    }

    /** The damages numbered {@code from} (inclusive) to {@code to}: first {@link #DAMAGES}, then {@link #ODDITIES}. */
    void explore(StoreTarget target, CellTable cells, int from, int to) throws Exception {
        Workload workload = Workload.of(new Step.Put("k1", Value.small("small-a")));
        for (int d = from; d < Math.min(to, DAMAGES.size()); d++) {
            Damage damage = DAMAGES.get(d);
            Path root = freshRoot.get();
            target.perform(root, workload.steps().get(0));
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.write(f, damage.apply().apply(Files.readAllBytes(f)));
                }
            }
            judge(target, root, workload, damage.name(), d, cells);
        }
        for (int o = Math.max(0, from - DAMAGES.size()); o < Math.min(ODDITIES.size(), to - DAMAGES.size()); o++) {
            Oddity odd = ODDITIES.get(o);
            Path root = freshRoot.get();
            target.perform(root, workload.steps().get(0));
            Path outside = Files.createDirectories(root.resolveSibling(root.getFileName() + "-outside"));
            try {
                odd.make().make(Damaged.entryFiles(root).get(0), outside);
            } catch (java.io.IOException | UnsupportedOperationException cannot) {
                continue; // no FIFOs or links on this machine: nothing to check
            }
            judge(target, root, workload, odd.name(), DAMAGES.size() + o, cells);
        }
    }

    /**
     * The reader must report the entry with its dedicated error, within the watchdog's cap; then a
     * put of another value must store it or refuse with the store's own error, never hang or fail raw.
     */
    private void judge(StoreTarget target, Path root, Workload workload, String damage, int ordinal, CellTable cells)
            throws java.io.IOException {
        Runnable unjam = () -> unjam(root);
        Watchdog.Outcome<Observation> read = Watchdog.call(() -> target.read(root, "k1"), unjam);
        String seen = null;
        if (!(read.value() instanceof Observation.Invalid)) {
            seen = "k1: " + (read.value() != null ? read.value() : read);
        } else {
            Watchdog.Outcome<Boolean> put = Watchdog.call(() -> {
                target.perform(root, new Step.Put("k1", AFTER));
                return true;
            }, unjam);
            Observation after = put.hung() ? null : target.read(root, "k1");
            boolean stored = Boolean.TRUE.equals(put.value()) && after instanceof Observation.Found f && AFTER.sameBytes(f.value());
            boolean refused = put.error() instanceof dev.crashlab.store.StoreException;
            if (!stored && !refused) {
                seen = "k1: " + read.value() + "; then put(k1, " + AFTER + "): " + put + (after == null ? "" : ", k1: " + after);
            }
        }
        if (seen == null) {
            cells.held(FAULT_FREE, Guarantee.G5, Context.CORRUPT_ENTRY);
            return;
        }
        String shown = seen;
        cells.failed(FAULT_FREE, Guarantee.G5, Context.CORRUPT_ENTRY, () -> new Evidence(
                new CellKey(target.id(), Guarantee.G5, Context.CORRUPT_ENTRY), workload,
                "the entry file " + damage + " after the put", null, -1, false, null, "", shown,
                "k1: the invalid-entry error naming the file and how to recover; then a put that stores its value or"
                        + " says why not", null,
                ReplayToken.seeded(seed, target.id(), 0, Context.CORRUPT_ENTRY, ordinal).toString(), "").toCounterexample(),
                () -> null);
    }

    /** Frees a call stuck on what stands at an entry's path: a writer for a FIFO's reader, then removal. */
    private static void unjam(Path root) {
        try {
            for (Path entry : Damaged.entryFiles(root)) {
                boolean fifo = Files.readAttributes(entry, java.nio.file.attribute.BasicFileAttributes.class,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther();
                if (fifo) {
                    Files.newOutputStream(entry).close();
                }
                if (fifo || Files.isSymbolicLink(entry)) {
                    Files.deleteIfExists(entry);
                }
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // best effort: a call still stuck keeps one daemon thread
        }
    }
}
