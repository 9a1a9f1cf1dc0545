package dev.crashlab.scenarios.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.CrashState;
import dev.crashlab.faults.crash.CrashStates;
import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.Materialized;
import dev.crashlab.faults.crash.Materializer;
import dev.crashlab.faults.crash.WeakestPosix;
import dev.crashlab.store.Durability;
import dev.crashlab.store.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Recalling the reference reader's reading of an entry whose bytes an earlier state held gives
 * every checker the verdict that reading the entry again gives: on the torn and lost states of two
 * unsynced multi-sector puts, where many states repeat an entry (complete or torn) byte for byte.
 */
class ReadingMemoTest {

    @Test
    void recalledReadingsGiveTheVerdictsOfFreshReads() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        StoreTraces w = new StoreTraces()
                .put(Protocol.REFERENCE, Durability.NONE, "k1", bytes(random, 3 * 4096 + 100))
                .put(Protocol.REFERENCE, Durability.NONE, "k2", bytes(random, 2 * 4096));
        Expectations expected = w.expect(Durability.NONE, Protocol.REFERENCE);
        WeakestPosix model = new WeakestPosix();
        List<CrashState> states = new CrashStates(w.trace()).explore(model, Exploration.defaults());
        List<Checker> checkers = CrashChecks.checkersFor(model);
        ReadingMemo memo = new ReadingMemo();
        List<CheckResult> read = new ArrayList<>();
        List<CheckResult> recalled = new ArrayList<>();
        try (Materializer materializer = Materializer.inMemory()) {
            for (CrashState state : states) {
                try (Materialized m = materializer.materialize(state)) {
                    CrashCase fresh = new CrashCase(m.root(), state.provenance(), expected, w.trace().before());
                    for (Checker checker : checkers) {
                        read.add(checker.check(fresh));
                    }
                }
                try (Materialized m = materializer.materialize(state)) {
                    CrashCase memoized = new CrashCase(m.root(), state, expected, w.trace().before(), memo);
                    for (Checker checker : checkers) {
                        recalled.add(checker.check(memoized));
                    }
                }
            }
        }
        assertEquals(read, recalled);
        assertTrue(memo.recalled() > states.size() / 4, memo.recalled() + " readings recalled in " + states.size() + " states");
        assertTrue(read.stream().anyMatch(r -> !r.passed()), "the states include torn entries, which some checker refuses");
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
