package dev.crashlab.scenarios.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Status;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.grade.ReplayToken;
import dev.crashlab.scenarios.grade.Verdict;
import example.readme.Entries;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Racing writers against the model: a write-once store whose put checks then renames (a rival's
 * acknowledged entry overwritten) fails G4 under race, shrunk; the same store publishing by a hard
 * link, and a key-value log that two writers append to, hold; a compaction that a rival's put races
 * loses it, and G1 under race says so.
 */
class RacingSequencesTest {

    static final List<String> KEYS = List.of("a", "b");
    static final List<String> VALUES = List.of("1", "2");

    /** The write-once model: a second put of a key is refused and changes nothing. */
    static void putOnce(Map<String, String> model, String key, String value) {
        if (model.containsKey(key)) {
            throw new IllegalStateException(key + " is already written");
        }
        model.put(key, value);
    }

    static Sequences.Builder<Entries, Map<String, String>> wo(Sequences.Open<Entries> open) {
        return Sequences.<Entries, Map<String, String>>builder("wo", open, Entries::close, TreeMap::new)
                .reader(Entries::read, model -> model)
                .operation("put", KEYS, VALUES, Entries::put, RacingSequencesTest::putOnce)
                .writeOnce();
    }

    @Test
    void aCheckThenActPutLetsARivalBeOverwrittenAndG4UnderRaceSaysSoOnTheShortestSequence() {
        SequenceResult r = wo(Entries::openCheckThenAct).build().run();
        SequenceResult.Failure f = r.failed().orElseThrow(() -> new AssertionError(r.describe()));
        assertEquals(1, r.checked(), "the first sequence already races two puts of a: " + r.describe());
        assertEquals(List.of("put(a, 1)"), f.minimal(), r.describe());
        ReplayToken token = ReplayToken.parse(f.replay(), false);
        assertEquals(Context.RACE, token.context(), r.describe());
        assertEquals("wo+put-0-0", token.target());
        Verdict g4 = cell(f.result(), Guarantee.G4);
        assertEquals(Status.VIOLATED, g4.status(), r.describe());
        String told = g4.describe();
        assertTrue(told.contains("meanwhile, a rival writer (a handle of its own on the same files): put(a, 1)"), told);
        assertTrue(told.contains("the model refuses"), told);
        assertTrue(told.contains("replay:     sequences.replay(\"" + f.replay() + "\")"), told);
        // the state itself is one of the two orders: nothing torn, only an acknowledged write lost
        assertEquals(Status.HELD, cell(f.result(), Guarantee.G1).status(), r.describe());
        assertTrue(wo(Entries::openCheckThenAct).build().replay(f.replay()).isPresent(), "the token replays it");
    }

    @Test
    void aModelThatTakesWhatTheStoreAloneRefusesFailsTheSequenceWithTheStoresError() {
        SequenceResult r = Sequences.<Entries, Map<String, String>>builder("wo", Entries::open, Entries::close,
                        TreeMap::new)
                .reader(Entries::read, model -> model)
                .operation("put", KEYS, VALUES, Entries::put, (model, key, value) -> {
                    String was = model.putIfAbsent(key, value);
                    if (was != null && !was.equals(value)) {
                        throw new IllegalStateException(key + " holds " + was);
                    }
                })
                .writeOnce().exhaustive(2).random(0, 2)
                .build().run();
        SequenceResult.Failure f = r.failed().orElseThrow(() -> new AssertionError(r.describe()));
        // the model accepts the same value again; the store refuses every second put of a key
        assertEquals(List.of("put(a, 1)", "put(a, 1)"), f.minimal(), r.describe());
        assertTrue(f.error().contains("failed with no fault injected: java.nio.file.FileAlreadyExistsException"), r.describe());
    }

    @Test
    void publishingByAHardLinkHoldsG4AndEveryOtherGuaranteeWhenTwoWritersRace() {
        SequenceResult r = wo(Entries::open).exhaustive(2).random(0, 2).build().run();
        assertTrue(r.passedAll(), r.describe());
        assertEquals(4 + 16, r.checked());
        Verdict g4 = cell(r.merged(), Guarantee.G4);
        assertEquals(Status.HELD, g4.status());
        assertTrue(g4.checks() > 20, "every sequence raced at several points: " + g4.checks());
    }

    @Test
    void twoWritersAppendingPutsAndDeletesToOneLogIsNoFalseAlarm() {
        SequenceResult r = Sequences.<Kv, Map<String, String>>builder("kv", Kv::open, Kv::close, TreeMap::new)
                .reader(Kv::read, model -> model)
                .operation("put", KEYS.subList(0, 1), VALUES, Kv::put, Map::put)   // one key: every put and delete collides
                .operation("delete", KEYS.subList(0, 1), Kv::delete, Map::remove)
                .racing()
                .exhaustive(2).random(0, 2)
                .build().run();
        assertTrue(r.passedAll(), r.describe());
        assertEquals(Status.HELD, cell(r.merged(), Guarantee.G1, Context.RACE).status(), r.describe());
    }

    /**
     * The default walk finds it (413 sequences, a random one, in about 50 s on 2 shared cores) and
     * shrinks it to this sequence; the test checks the sequence the shrinker reached, whole.
     */
    @Test
    void aCompactionThatARivalsAppendRacesLosesItAndG1UnderRaceSaysSo() {
        Sequences<Kv, Map<String, String>> kv = KvSequencesTest.kv(Kv::open).racing().build();
        CrashResult r = kv.replay("kv+put-0-0+put-0-0+put-0-1+compact").orElseThrow(() -> new AssertionError("held"));
        Verdict g1 = cell(r, Guarantee.G1, Context.RACE);
        assertEquals(Status.VIOLATED, g1.status(), r.describe());
        assertTrue(g1.describe().contains("reader saw: after both: {a=1}"), g1.describe());
        assertFalse(kv.replay("kv+put-0-0+put-0-0+compact").isPresent(), "no append left to lose without a third put");
        assertTrue(r.violations().stream().allMatch(v -> v.context() == Context.RACE), "alone it holds: " + r.describe());
    }

    private static Verdict cell(CrashResult r, Guarantee g) {
        return cell(r, g, Context.RACE);
    }

    private static Verdict cell(CrashResult r, Guarantee g, Context context) {
        return r.verdicts().stream().filter(v -> v.guarantee() == g && v.context() == context && v.fault().equals(Verdict.NO_FAULT))
                .findFirst().orElseThrow(() -> new AssertionError("no " + g + " " + context + " in " + r.verdicts()));
    }
}
