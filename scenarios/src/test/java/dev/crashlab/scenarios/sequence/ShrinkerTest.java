package dev.crashlab.scenarios.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.ProcessCrash;
import dev.crashlab.scenarios.api.CrashResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Shrinking reaches the minimal sequence: on a predicate (fast, every case of the algorithm), and
 * on the seeded bug of {@link Kv} from 20 fixed seeds of the random walk alone.
 */
class ShrinkerTest {

    private static final CrashResult HELD = new CrashResult("t", List.of(), List.of(), 0, 0, 0, -1);

    /** Fails like the in-place compaction: a compaction after two records that leave a live entry. */
    static boolean compactionLoses(List<ApiCall> steps) {
        java.util.Map<Object, Object> live = new java.util.HashMap<>();
        int records = 0;
        for (ApiCall s : steps) {
            switch (s.operation().name()) {
                case "put" -> { live.put(s.values().get(0), s.values().get(1)); records++; }
                case "delete" -> { live.remove(s.values().get(0)); records++; }
                default -> {
                    if (records >= 2 && !live.isEmpty()) {
                        return true;
                    }
                    if (records >= 2) {
                        records = 0;
                    }
                }
            }
        }
        return false;
    }

    static SequenceOutcome judge(List<ApiCall> steps, Predicate<List<ApiCall>> fails) {
        return fails.test(steps) ? new SequenceOutcome(steps, null, "fails") : new SequenceOutcome(steps, HELD, null);
    }

    @Test
    void everyFailingSequenceOfTheWalkShrinksToTheSmallestFailingOne() {
        Alphabet a = KvSequencesTest.kv(Kv::open).build().alphabet();
        int failing = 0;
        for (var it = Generation.random(a, 3, 500, 3, 12); it.hasNext(); ) {
            List<ApiCall> s = it.next();
            if (!compactionLoses(s)) {
                continue;
            }
            failing++;
            Shrinker shrinker = new Shrinker(a, steps -> judge(steps, ShrinkerTest::compactionLoses));
            SequenceOutcome minimal = shrinker.shrink(judge(s, ShrinkerTest::compactionLoses));
            assertEquals(KvSequencesTest.MINIMAL, Sequences.displays(minimal.steps()), "from " + s);
        }
        assertTrue(failing > 50, "the walk has failing sequences to shrink: " + failing);
    }

    @Test
    void aSequenceThatNoRemovalOrLoweringKeepsFailingIsLeftAsItIs() {
        Alphabet a = KvSequencesTest.kv(Kv::open).build().alphabet();
        List<ApiCall> minimal = new ArrayList<>();
        for (String code : List.of("put-0-0", "put-0-0", "compact")) {
            minimal.add(a.parse(code));
        }
        Shrinker shrinker = new Shrinker(a, steps -> judge(steps, ShrinkerTest::compactionLoses));
        assertEquals(minimal, shrinker.shrink(judge(minimal, ShrinkerTest::compactionLoses)).steps());
        assertFalse(compactionLoses(minimal.subList(0, 2)));
    }

    /** The goal: 20 of 20 seeds, the random part only (no exhaustive prefix to find it short), process-crash to keep it quick. */
    @Test
    void twentySeedsOfTheRandomWalkShrinkTheInPlaceCompactionToExactlyThreeSteps() {
        int longer = 0;
        for (long seed = 1; seed <= 20; seed++) {
            SequenceResult r = KvSequencesTest.kv(Kv::openInPlace).exhaustive(0).random(50, 8).seed(seed)
                    .target(b -> b.models(List.of(new ProcessCrash()))).build().run();
            SequenceResult.Failure f = r.failed().orElseThrow(() -> new AssertionError("seed " + r.seed()
                    + " found nothing:\n" + r.describe()));
            assertEquals(KvSequencesTest.MINIMAL, f.minimal(), "seed " + seed + ":\n" + r.describe());
            assertTrue(f.random());
            longer += f.found().size() > 3 ? 1 : 0;
        }
        assertTrue(longer >= 10, "most seeds find it in a longer sequence, so the shrinking is exercised: " + longer);
    }
}
