package dev.crashlab.faults.crash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.Snapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A replay keeps files as {@link Extents} and the deduplication digests a long file from the
 * blocks they name. Random edits of an extent list match the same edits of a byte array, and on
 * random traces of multi-block, unaligned writes, truncates, renames and deletes, torn at 512 B
 * and 4 KiB sectors: every block handed out as lasting is byte for byte the file's, every file's
 * cached digest is the one its bytes give, and no two states an exploration keeps are equal (a wrong block would keep duplicates or merge distinct
 * states).
 */
class ExtentsTest {

    private static final long SEED = 0xB10C5L;
    private static final int TRACES = 80;

    @Test
    void editsMatchTheSameEditsOfAnArray() {
        SplittableRandom random = new SplittableRandom(SEED);
        byte[][] sources = {noise(random, 3 * Extents.BLOCK), noise(random, Extents.BLOCK + 17), noise(random, 9)};
        for (int run = 0; run < 200; run++) {
            Extents file = new Extents();
            byte[] model = new byte[0];
            StringBuilder edits = new StringBuilder();
            for (int step = 0; step < 30; step++) {
                if (random.nextInt(6) == 0) {
                    int n = random.nextInt(4 * Extents.BLOCK);
                    edits.append(" size ").append(n);
                    file.setSize(n);
                    model = Arrays.copyOf(model, n);
                } else {
                    byte[] source = random.nextInt(4) == 0 ? null : sources[random.nextInt(sources.length)];
                    int available = source == null ? 2 * Extents.BLOCK : source.length;
                    int at = random.nextInt(available);
                    int n = 1 + random.nextInt(available - at);
                    int offset = random.nextInt(3 * Extents.BLOCK);
                    edits.append(" put ").append(offset).append('+').append(n);
                    file.put(offset, source, at, n);
                    model = Arrays.copyOf(model, Math.max(model.length, offset + n));
                    if (source == null) {
                        Arrays.fill(model, offset, offset + n, (byte) 0);
                    } else {
                        System.arraycopy(source, at, model, offset, n);
                    }
                }
                String where = "seed " + SEED + ", run " + run + ":" + edits;
                assertArrayEquals(model, file.bytes(), where);
                assertEquals(model.length, file.size(), where);
                assertBlocksAre(model, file, where);
            }
        }
    }

    @Test
    void everyLastingBlockIsTheFilesBytes() {
        forEachTrace((trace, model) -> {
            TraceFacts facts = new TraceFacts(trace);
            Replay replay = new Replay(facts);
            for (int point = 0; point <= trace.size(); point++) {
                CrashSpace space = model.space(facts, point);
                Candidates.forEach(space, new Exploration(128, 8, SEED), (picks, how) -> {
                    Tree tree = replay.run(space.fates(picks));
                    tree.files().forEach((name, file) -> assertBlocksAre(file.bytes(), file, "file " + name));
                });
            }
        });
    }

    /**
     * Also: the trace's arrays (each write's bytes, each file as it was before) are shared with
     * every state built from them, never copied, so exploring, reading and materializing states
     * must leave them exactly as recorded.
     */
    @Test
    void everyFileDigestIsTheDigestOfTheFilesBytesAndTheTraceIsLeftAsRecorded() {
        forEachTrace((trace, model) -> {
            List<byte[]> written = trace.ops().stream().map(op -> op.data() == null ? null : op.data().clone()).toList();
            Map<String, byte[]> before = new TreeMap<>();
            trace.before().files().forEach((name, bytes) -> before.put(name, bytes.clone()));
            try (Materializer materializer = Materializer.inMemory()) {
                for (CrashState state : new CrashStates(trace).explore(model, new Exploration(128, 8, SEED))) {
                    state.contents().files().forEach((name, bytes) ->
                            assertEquals(bytes.length + ":" + HexFormat.of().formatHex(digestOf(bytes)), state.fileDigest(name),
                                    "digest of " + name + " in " + state.provenance().summary()));
                    materializer.materialize(state).close();
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            for (int i = 0; i < written.size(); i++) {
                assertArrayEquals(written.get(i), trace.get(i).data(), "bytes of " + trace.get(i));
            }
            before.forEach((name, bytes) -> assertArrayEquals(bytes, trace.before().files().get(name), "before: " + name));
        });
    }

    /** The deduplication's file digest computed plainly: SHA-256 of a short file, of its blocks' SHA-256s otherwise. */
    private static byte[] digestOf(byte[] bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (bytes.length <= Extents.BLOCK) {
                return sha.digest(bytes);
            }
            MessageDigest blocks = MessageDigest.getInstance("SHA-256");
            for (int at = 0; at < bytes.length; at += Extents.BLOCK) {
                blocks.update(sha.digest(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + Extents.BLOCK))));
            }
            return blocks.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Each block {@link Extents#blocks} hands out, lasting or assembled, holds the file's bytes there. */
    private static void assertBlocksAre(byte[] content, Extents file, String where) {
        int[] next = {0};
        file.blocks(new byte[Extents.BLOCK], (bytes, at, n, cut) -> {
            int b = next[0]++;
            assertEquals(Math.min(Extents.BLOCK, content.length - b * Extents.BLOCK), n, "length of block " + b + ", " + where);
            assertArrayEquals(Arrays.copyOfRange(content, b * Extents.BLOCK, b * Extents.BLOCK + n),
                    Arrays.copyOfRange(bytes, at, at + n), "block " + b + (cut == null ? " (lasting)" : "") + ", " + where);
        });
        assertEquals((content.length + Extents.BLOCK - 1) / Extents.BLOCK, next[0], "blocks of " + where);
    }

    @Test
    void keptStatesAreDistinctAndEveryDistinctStateIsKept() {
        forEachTrace((trace, model) -> {
            Exploration exploration = new Exploration(128, 8, SEED);
            List<CrashState> kept = new CrashStates(trace).explore(model, exploration);
            Set<Snapshot> distinct = new HashSet<>();
            for (CrashState s : kept) {
                assertTrue(distinct.add(s.contents()), "kept twice: " + s);
            }
            // Every state a candidate leaves, found by comparing bytes instead of digests.
            TraceFacts facts = new TraceFacts(trace);
            Replay replay = new Replay(facts);
            Set<Snapshot> all = new HashSet<>();
            for (int point = 0; point <= trace.size(); point++) {
                CrashSpace space = model.space(facts, point);
                Candidates.forEach(space, exploration, (picks, how) -> all.add(replay.run(space.fates(picks)).toSnapshot()));
            }
            assertEquals(all, distinct);
        });
    }

    interface Check {
        void run(IoTrace trace, PersistenceModel model);
    }

    private static void forEachTrace(Check check) {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int t = 0; t < TRACES; t++) {
            IoTrace trace = randomTrace(random.split());
            for (PersistenceModel model : List.of(new WeakestPosix(512), new WeakestPosix())) {
                try {
                    check.run(trace, model);
                } catch (AssertionError e) {
                    throw new AssertionError("seed " + SEED + ", trace " + t + " under " + model.name() + ":\n"
                            + trace + "\n" + e.getMessage(), e);
                }
            }
        }
    }

    /** A few files written at unaligned offsets across block boundaries, some synced, renamed or cut. */
    private static IoTrace randomTrace(SplittableRandom random) {
        TreeMap<String, byte[]> before = new TreeMap<>();
        if (random.nextBoolean()) {
            before.put("old", bytes(random, 1 + random.nextInt(3 * Extents.BLOCK)));
        }
        Traces t = Traces.on(Snapshot.adopt(new TreeSet<>(), before));
        List<String> live = new ArrayList<>(before.keySet());
        int ops = 3 + random.nextInt(5);
        for (int i = 0; i < ops; i++) {
            int what = random.nextInt(10);
            if (live.isEmpty() || what < 2) {
                String name = "f" + i;
                t.create(name);
                live.add(name);
                continue;
            }
            String file = live.get(random.nextInt(live.size()));
            if (what < 6) {
                // Block-aligned writes too: their whole blocks are digested by their index in the write.
                int offset = random.nextInt(3) == 0 ? Extents.BLOCK * random.nextInt(3) : random.nextInt(2 * Extents.BLOCK + 100);
                t.write(file, offset, bytes(random, 1 + random.nextInt(3 * Extents.BLOCK)));
            } else if (what == 6) {
                t.fsync(file);
            } else if (what == 7) {
                t.truncate(file, random.nextInt(2 * Extents.BLOCK + 100));
            } else if (what == 8) {
                String to = "m" + i;
                t.move(file, to);
                live.set(live.indexOf(file), to);
            } else {
                t.delete(file);
                live.remove(file);
            }
        }
        return t.build();
    }

    private static byte[] noise(SplittableRandom random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    /** Runs of zeros or of a repeated byte as often as noise, so that torn and dropped writes often leave equal bytes. */
    static byte[] bytes(SplittableRandom random, int length) {
        byte[] b = new byte[length];
        // Runs of zeros and of a repeated byte, so that torn and dropped writes often leave equal bytes.
        int fill = random.nextInt(3);
        for (int i = 0; i < length; i++) {
            b[i] = fill == 0 ? 0 : fill == 1 ? (byte) 7 : (byte) random.nextInt(256);
        }
        return b;
    }
}
