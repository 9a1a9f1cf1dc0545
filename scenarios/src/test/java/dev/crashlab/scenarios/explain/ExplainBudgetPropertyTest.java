package dev.crashlab.scenarios.explain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@code -Dcrashlab.explainBudget=unlimited} lifts a user check's explanation budget, so that a run
 * whose explanations must not depend on the machine (the study's table) judges every fix to the
 * end; anything else is refused with what it takes. Isolated: the property is the JVM's, and
 * every check running beside this test would read it.
 */
@Isolated
class ExplainBudgetPropertyTest {

    @AfterEach
    void clear() {
        System.clearProperty(ExplainBudget.PROPERTY);
    }

    @Test
    void byDefaultAFindingGetsAtMostItsCap() {
        ExplainBudget.Allowance time = ExplainBudget.of(0.5, Duration.ZERO, Duration.ZERO).allow();
        assertTrue(spinUntilOver(time), "a zero cap is over at once");
    }

    @Test
    void unlimitedIsNeverOver() {
        System.setProperty(ExplainBudget.PROPERTY, "unlimited");
        ExplainBudget.Allowance time = ExplainBudget.forCheck().allow();
        assertFalse(time.over());
        assertFalse(spinUntilOver(time), "an unlimited allowance never runs out");
    }

    @Test
    void anyOtherValueIsRefusedSayingWhatItTakes() {
        System.setProperty(ExplainBudget.PROPERTY, "10s");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ExplainBudget::forCheck);
        assertTrue(e.getMessage().contains("'unlimited'"), e.getMessage());
    }

    /** Asks the allowance a bounded number of times, as the explain stage does between candidate states. */
    private static boolean spinUntilOver(ExplainBudget.Allowance time) {
        for (int i = 0; i < 100_000; i++) {
            if (time.over()) {
                return true;
            }
        }
        return false;
    }
}
