package dev.crashlab.scenarios.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.scenarios.grade.ReplayToken;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The seeded three-step bug of {@link Kv}: found by the default walk, shrunk to exactly the minimal sequence. */
class KvSequencesTest {

    static final List<String> KEYS = List.of("a", "b");
    static final List<String> VALUES = List.of("1", "2");
    static final List<String> MINIMAL = List.of("put(a, 1)", "put(a, 1)", "compact()");

    static Sequences.Builder<Kv, Map<String, String>> kv(Sequences.Open<Kv> open) {
        return Sequences.<Kv, Map<String, String>>builder("kv", open, Kv::close, TreeMap::new)
                .reader(Kv::read, model -> model)
                .operation("put", KEYS, VALUES, Kv::put, Map::put)
                .operation("delete", KEYS, Kv::delete, Map::remove)
                .operation("compact", Kv::compact, model -> { });
    }

    @Test
    void theDefaultWalkFindsTheInPlaceCompactionAndShrinksItToThreeSteps() {
        SequenceResult r = kv(Kv::openInPlace).build().run();
        SequenceResult.Failure f = r.failed().orElseThrow(() -> new AssertionError(r.describe()));
        assertEquals(MINIMAL, f.minimal(), r.describe());
        assertFalse(f.random(), "every sequence of up to 3 steps comes first: " + r.describe());
        assertTrue(f.replay().startsWith("kv+put-0-0+put-0-0+compact:"), f.replay());
        int earliest = f.result().violations().stream()
                .mapToInt(v -> ReplayToken.parse(v.counterexample().seed(), false).ordinal()).min().orElseThrow();
        assertEquals(earliest, ReplayToken.parse(f.replay(), false).ordinal(), "the earliest crash point is the one printed");
        assertTrue(f.result().violations().size() > 1, "several contexts break it: " + r.describe());
    }

    @Test
    void aTimeBudgetStopsTheWalkAndIsRecordedInTheReport() {
        SequenceResult r = kv(Kv::openInPlace).budget(1000, Duration.ZERO).build().run();
        assertTrue(r.passedAll());
        assertEquals(0, r.checked());
        assertEquals("the time budget", r.stoppedBy());
        var report = r.toReport(java.time.Instant.now());
        assertEquals(0L, report.budget().timeMillis());
        assertEquals(1000L, report.budget().workloadsPerTarget());
    }

    @Test
    void theCorrectStoreHoldsEverySequenceOfUpToTwoStepsAndSomeRandomOnes() {
        SequenceResult r = kv(Kv::open).exhaustive(2).random(10, 5).budget(1000, Duration.ofMinutes(5)).build().run();
        assertTrue(r.passedAll(), r.describe());
        assertEquals(7 + 49 + 10, r.checked(), r.describe());
    }
}
