package dev.crashlab.faults.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import dev.crashlab.faults.trace.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental materializer, which makes each state from the one before by changing what differs,
 * leaves exactly the bytes a from-scratch materialization writes: every state of random traces
 * (directories, files written at unaligned offsets, synced, renamed, cut, deleted) under every model,
 * with and without a reader that changes the files between states the way a careless recovery
 * could. Fixed seed; a failure names it, the trace and the model.
 */
class IncrementalStatesTest {

    private static final long SEED = 0x5CA1EL;
    private static final int TRACES = 16;

    @Test
    void everyStateEqualsAFreshOneByteForByte(@TempDir Path parent) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<PersistenceModel> models = new ArrayList<>(PersistenceModel.builtIn());
        models.add(new WeakestPosix(512));
        for (int t = 0; t < TRACES; t++) {
            IoTrace trace = randomTrace(random.split());
            boolean meddles = t % 2 == 1;
            for (PersistenceModel model : models) {
                SplittableRandom reader = new SplittableRandom(SEED + t);
                int n = 0;
                try (Materializer incremental = Materializer.incremental(parent);
                     Materializer fresh = Materializer.onDisk(parent)) {
                    for (CrashState state : new CrashStates(trace).explore(model, new Exploration(64, 8, SEED))) {
                        try (Materialized made = incremental.materialize(state);
                             Materialized expected = fresh.materialize(state)) {
                            assertEquals(Snapshot.of(expected.root()), Snapshot.of(made.root()), "state " + n);
                            assertEquals(state.contents(), Snapshot.of(made.root()), "state " + n);
                            if (meddles) {
                                meddle(made.root(), reader);
                            }
                        }
                        n++;
                    }
                } catch (AssertionError | IOException | UncheckedIOException e) {
                    throw new AssertionError("seed " + SEED + ", trace " + t + (meddles ? " (a reader changing files)" : "")
                            + " under " + model.name() + ":\n" + trace + "\n" + e.getMessage(), e);
                }
            }
        }
    }

    /** What a reader's recovery might do to the state it was given: each of these must be undone. */
    private static void meddle(Path root, SplittableRandom random) throws IOException {
        List<Path> files;
        List<Path> dirs;
        try (Stream<Path> all = Files.walk(root)) {
            List<Path> paths = all.filter(p -> !p.equals(root)).sorted().toList();
            files = paths.stream().filter(Files::isRegularFile).toList();
            dirs = paths.stream().filter(Files::isDirectory).toList();
        }
        Path file = files.isEmpty() ? null : files.get(random.nextInt(files.size()));
        Path dir = dirs.isEmpty() ? root : dirs.get(random.nextInt(dirs.size()));
        switch (random.nextInt(9)) {
            case 0 -> { } // a reader that only reads
            case 1 -> {
                if (file != null) {
                    Files.write(file, new byte[] {42}, StandardOpenOption.APPEND);
                }
            }
            case 2 -> {
                if (file != null && Files.size(file) > 0) {
                    // same size, one byte changed: only the file's time tells
                    try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
                        ch.write(java.nio.ByteBuffer.wrap(new byte[] {(byte) 0xEE}), 0);
                    }
                }
            }
            case 3 -> {
                if (file != null) {
                    Files.delete(file);
                }
            }
            case 4 -> Files.write(dir.resolve("recovery.tmp"), new byte[] {1, 2, 3});
            case 5 -> {
                Files.createDirectories(dir.resolve("stray/deeper"));
                Files.write(dir.resolve("stray/deeper/x"), new byte[] {9});
            }
            case 6 -> {
                if (file != null) {
                    Files.delete(file);
                    Files.createDirectory(file);
                }
            }
            case 7 -> {
                if (file != null) {
                    Files.move(file, file.resolveSibling(file.getFileName() + ".moved"));
                }
            }
            default -> {
                if (dir != root) {
                    Materializer.deleteTree(dir);
                } else if (file != null) {
                    Files.write(file, new byte[0]);
                }
            }
        }
    }

    /** Directories and files in them, written at unaligned offsets, some synced, renamed, cut or deleted. */
    static IoTrace randomTrace(SplittableRandom random) {
        return randomTrace(random, -1);
    }

    /** As {@link #randomTrace(SplittableRandom)}, with {@code wanted} operations (-1: 4 to 11). */
    static IoTrace randomTrace(SplittableRandom random, int wanted) {
        TreeMap<String, byte[]> before = new TreeMap<>();
        TreeSet<String> beforeDirs = new TreeSet<>();
        if (random.nextBoolean()) {
            beforeDirs.add("old");
            before.put("old/kept", ExtentsTest.bytes(random, 1 + random.nextInt(2 * Extents.BLOCK)));
        }
        Traces t = Traces.on(Snapshot.adopt(beforeDirs, before));
        List<String> live = new ArrayList<>(before.keySet());
        List<String> dirs = new ArrayList<>(beforeDirs);
        int ops = wanted >= 0 ? wanted : 4 + random.nextInt(8);
        for (int i = 0; i < ops; i++) {
            int what = random.nextInt(12);
            if (what == 0) {
                String d = (dirs.isEmpty() || random.nextBoolean() ? "" : dirs.get(random.nextInt(dirs.size())) + "/") + "d" + i;
                t.op(OpKind.MKDIR, d, null, -1, -1, null);
                dirs.add(d);
                continue;
            }
            if (live.isEmpty() || what < 3) {
                String name = (dirs.isEmpty() || random.nextBoolean() ? "" : dirs.get(random.nextInt(dirs.size())) + "/") + "f" + i;
                t.create(name);
                live.add(name);
                continue;
            }
            String file = live.get(random.nextInt(live.size()));
            String parent = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
            switch (what) {
                case 7 -> t.fsync(file);
                case 8 -> t.fsyncDir(parent);
                case 9 -> t.truncate(file, random.nextInt(Extents.BLOCK + 100));
                case 10 -> {
                    String to = (dirs.isEmpty() || random.nextBoolean() ? "" : dirs.get(random.nextInt(dirs.size())) + "/") + "m" + i;
                    t.move(file, to);
                    live.set(live.indexOf(file), to);
                }
                case 11 -> {
                    t.delete(file);
                    live.remove(file);
                }
                default -> t.write(file, random.nextInt(3) == 0 ? Extents.BLOCK * random.nextInt(2) : random.nextInt(Extents.BLOCK + 100),
                        ExtentsTest.bytes(random, 1 + random.nextInt(2 * Extents.BLOCK)));
            }
        }
        return t.build();
    }
}
