package dev.crashlab.faults.crash;

import static dev.crashlab.faults.crash.Traces.Protocol.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.trace.IoTrace;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExplorationTest {

    /** Three unsynced puts of 3-sector values: 4 * 2 * 12 * 2 outcomes per put at the last point. */
    private final IoTrace big = Traces.empty().put(NONE, "a", new byte[9000]).put(NONE, "b", new byte[9000])
            .put(NONE, "c", new byte[9000]).build();
    private final PersistenceModel model = new WeakestPosix();

    @Test
    void underTheBoundEveryCandidateIsBuilt() {
        long candidates = new CrashStates(big).explore(new Ordered(), Exploration.defaults(), s -> { });
        assertEquals(1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10, candidates);
        assertTrue(States.of(big, new Ordered()).stream().allMatch(s -> s.provenance().exploration().equals("exhaustive")));
    }

    @Test
    void beyondTheBoundThePassesAndTheSampleAreRecordedWithTheirSeed() {
        List<CrashState> states = new CrashStates(big).explore(model, new Exploration(100, 50, 42));
        Set<String> how = new java.util.TreeSet<>();
        states.forEach(s -> how.add(s.provenance().exploration()));
        assertTrue(how.containsAll(Set.of("all persisted", "omit/tear one", "sampled, seed 42")), how::toString);
    }

    @Test
    void theSameSeedGivesTheSameStatesAndAnotherSeedOthers() {
        List<CrashState> first = new CrashStates(big).explore(model, new Exploration(100, 50, 42));
        List<CrashState> again = new CrashStates(big).explore(model, new Exploration(100, 50, 42));
        List<CrashState> other = new CrashStates(big).explore(model, new Exploration(100, 50, 43));
        assertEquals(first, again);
        assertNotEquals(States.render(first), States.render(other));
    }

    @Test
    void pastTheBoundTheCandidateCountIsCappedPerCrashPoint() {
        Exploration tight = new Exploration(100, 50, 42);
        long candidates = new CrashStates(big).explore(model, tight, s -> { });
        assertTrue(candidates <= (big.size() + 1) * (1L + 100 + 50), () -> "candidates " + candidates);
    }

    @Test
    void identicalBytesFromDifferentCrashPointsAreKeptOnce() {
        IoTrace trace = Traces.empty().put(Traces.Protocol.REFERENCE, "a", Traces.bytes("v1")).build();
        List<CrashState> states = States.of(trace, new ProcessCrash());
        assertEquals(4, states.size());
        assertEquals(states.size(), Set.copyOf(states.stream().map(CrashState::contents).toList()).size());
    }
}
