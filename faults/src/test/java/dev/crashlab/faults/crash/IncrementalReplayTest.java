package dev.crashlab.faults.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A candidate replayed from the prefix every candidate of its crash point persisted (a checkpoint
 * plus the operations after it) leaves exactly the bytes of a replay from the trace's start, and an
 * exploration replaying that way finds the same states with the same provenance, in the same order,
 * from the same number of candidates: on random traces (directories, unaligned writes, syncs,
 * renames, truncations, deletions) under every model, with checkpoints one, three and the default
 * number of operations apart, and on a synced log long enough to cross the default's. Fixed seed; a
 * failure names it, the trace and the model.
 */
class IncrementalReplayTest {

    private static final long SEED = 0x1AC4E5L;
    private static final int TRACES = 16;
    /** Small enough that most crash points are sampled, not enumerated: the ALICE passes and the samples are compared too. */
    private static final Exploration EXPLORATION = new Exploration(64, 8, SEED);

    @Test
    void everyCandidateAndEveryStateEqualsAReplayFromTheStart() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<IoTrace> traces = new ArrayList<>();
        for (int t = 0; t < TRACES; t++) {
            traces.add(IncrementalStatesTest.randomTrace(random.split(), 4 + random.nextInt(25)));
        }
        traces.add(syncedLog(200, random.split()));
        for (int t = 0; t < traces.size(); t++) {
            IoTrace trace = traces.get(t);
            // The long log crosses the default's checkpoints; the short traces cross small ones.
            int[] spacings = trace.size() > Replay.CHECKPOINT ? new int[] {Replay.CHECKPOINT} : new int[] {1, 3};
            for (PersistenceModel model : models()) {
                for (int every : spacings) {
                    try {
                        sameCandidates(trace, model, every);
                        sameStates(trace, model, every);
                    } catch (AssertionError | RuntimeException e) {
                        throw new AssertionError("seed " + SEED + ", trace " + t + " under " + model.name()
                                + ", checkpoints " + every + " operations apart:\n" + trace + "\n" + e.getMessage(), e);
                    }
                }
            }
        }
    }

    /** Each candidate's bytes, one by one: a difference no deduplication could hide. */
    private static void sameCandidates(IoTrace trace, PersistenceModel model, int every) {
        TraceFacts facts = new TraceFacts(trace);
        Replay incremental = new Replay(facts, every);
        Replay fromStart = new Replay(facts);
        for (int point = trace.size(); point >= 0; point--) {
            CrashSpace space = model.space(facts, point);
            Replay.Prefix base = incremental.prefix(space.firstChoice());
            int at = point;
            Candidates.forEach(space, EXPLORATION, (picks, how) -> {
                Snapshot expected = fromStart.run(space.fates(picks)).toSnapshot();
                Snapshot made = incremental.run(base, space.fates(picks, base.at())).toSnapshot();
                assertEquals(expected, made, "crash point " + at + ", candidate " + java.util.Arrays.toString(picks) + " (" + how + ")");
            });
        }
    }

    /** The exploration's output: states, their provenance and order, and how many candidates it replayed. */
    private static void sameStates(IoTrace trace, PersistenceModel model, int every) {
        List<CrashState> expected = new ArrayList<>();
        List<CrashState> made = new ArrayList<>();
        long expectedCandidates = new CrashStates(trace, 0).explore(model, EXPLORATION, expected::add);
        long madeCandidates = new CrashStates(trace, every).explore(model, EXPLORATION, made::add);
        assertEquals(expectedCandidates, madeCandidates, "candidates replayed");
        assertEquals(expected.size(), made.size(), "distinct states");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).provenance(), made.get(i).provenance(), "state " + i + "'s provenance");
            assertEquals(expected.get(i).contents(), made.get(i).contents(), "state " + i + "'s bytes");
        }
    }

    private static List<PersistenceModel> models() {
        List<PersistenceModel> models = new ArrayList<>(PersistenceModel.builtIn());
        models.add(new WeakestPosix(512));
        return models;
    }

    /** A log whose records are appended and fsynced one by one, a few left unsynced at the end. */
    private static IoTrace syncedLog(int records, SplittableRandom random) {
        Traces t = Traces.empty().create("log");
        long size = 0;
        for (int r = 0; r < records; r++) {
            byte[] record = ExtentsTest.bytes(random, 1 + random.nextInt(40));
            t.write("log", size, record);
            size += record.length;
            if (r < records - 3) {
                t.fsync("log");
            }
        }
        return t.build();
    }
}
