package dev.crashlab.faults.crash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.Snapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The deduplication digests a long file from what {@link Blocks} says each block is a copy of. On
 * random traces of multi-block, unaligned writes, truncates, renames and deletes, torn at 512 B
 * and 4 KiB sectors: every block it calls a copy is byte for byte that copy, and no two states
 * an exploration keeps are equal (a wrong copy would keep duplicates or merge distinct states).
 */
class BlocksTest {

    private static final long SEED = 0xB10C5L;
    private static final int TRACES = 80;

    @Test
    void everyBlockCalledACopyIsThatCopy() {
        forEachTrace((trace, model) -> {
            TraceFacts facts = new TraceFacts(trace);
            Replay replay = new Replay(facts);
            for (int point = 0; point <= trace.size(); point++) {
                CrashSpace space = model.space(facts, point);
                Candidates.forEach(space, new Exploration(128, 8, SEED), (picks, how) -> {
                    Tree tree = replay.run(space.fates(picks));
                    tree.files().forEach((name, content) -> {
                        Blocks blocks = tree.blocks().get(name);
                        for (int b = 0; (long) (b + 1) * Blocks.SIZE <= content.length; b++) {
                            byte[] source = blocks.source(b);
                            if (source != null) {
                                assertArrayEquals(Arrays.copyOfRange(source, blocks.offset(b), blocks.offset(b) + Blocks.SIZE),
                                        Arrays.copyOfRange(content, b * Blocks.SIZE, (b + 1) * Blocks.SIZE),
                                        "block " + b + " of " + name);
                            }
                        }
                    });
                });
            }
        });
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
            before.put("old", bytes(random, 1 + random.nextInt(3 * Blocks.SIZE)));
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
                t.write(file, random.nextInt(2 * Blocks.SIZE + 100), bytes(random, 1 + random.nextInt(3 * Blocks.SIZE)));
            } else if (what == 6) {
                t.fsync(file);
            } else if (what == 7) {
                t.truncate(file, random.nextInt(2 * Blocks.SIZE + 100));
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

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] b = new byte[length];
        // Runs of zeros and of a repeated byte, so that torn and dropped writes often leave equal bytes.
        int fill = random.nextInt(3);
        for (int i = 0; i < length; i++) {
            b[i] = fill == 0 ? 0 : fill == 1 ? (byte) 7 : (byte) random.nextInt(256);
        }
        return b;
    }
}
