package dev.crashlab.scenarios.check;

import static dev.crashlab.scenarios.check.StoreTraces.utf8;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.CrashState;
import dev.crashlab.faults.crash.CrashStates;
import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.Materialized;
import dev.crashlab.faults.crash.Materializer;
import dev.crashlab.faults.crash.ProcessCrash;
import dev.crashlab.store.Durability;
import dev.crashlab.store.Protocol;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * G5's fresh put runs on the judging thread under a deadline: one that takes longer than the bound
 * counts as blocked, whatever it returned, and the same put within the bound stores the key.
 */
class RecoverabilityBoundTest {

    @Test
    void aPutPastTheBoundCountsAsBlockedAndWithinItAsStored() throws Exception {
        StoreTraces w = new StoreTraces().put(Protocol.REFERENCE, Durability.FILE_AND_DIRECTORY, "k1", utf8("small-a"));
        Expectations expected = w.expect(Durability.FILE_AND_DIRECTORY, Protocol.REFERENCE);
        List<CrashState> states = new CrashStates(w.trace()).explore(new ProcessCrash(), Exploration.defaults());
        try (Materializer materializer = Materializer.inMemory()) {
            for (CrashState state : states) {
                CheckResult tooSlow = judge(materializer, state, expected, new RecoverabilityChecker(Duration.ofNanos(1)), w);
                assertFalse(tooSlow.passed(), tooSlow.describe());
                assertTrue(tooSlow.seen().contains("still blocked after"), tooSlow.describe());
                CheckResult inTime = judge(materializer, state, expected, new RecoverabilityChecker(), w);
                assertTrue(inTime.passed(), inTime.describe());
            }
        }
    }

    private static CheckResult judge(Materializer materializer, CrashState state, Expectations expected,
                                     RecoverabilityChecker checker, StoreTraces w) throws Exception {
        try (Materialized m = materializer.materialize(state)) {
            return checker.check(new CrashCase(m.root(), state.provenance(), expected, w.trace().before()));
        }
    }
}
