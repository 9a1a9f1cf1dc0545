package dev.crashlab.scenarios.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The race's orders, on logs written by hand: a step in flight while the other writer ran falls
 * anywhere among its steps, steps that ended before the other began stay before, a failed step is
 * tried taken and not, and a refusal the store did not make is a disagreement.
 */
class LinearizationTest {

    /** The model appends the step's argument; "x" is refused when already there (write-once). */
    private static final ApiOperation.Action APPEND = (m, args) -> {
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) m;
        if (list.contains(args.get(0))) {
            throw new IllegalStateException("already there");
        }
        list.add(args.get(0));
    };

    private static RaceLog.Step step(String value, long began, long ended, boolean threw) {
        return new RaceLog.Step(value, APPEND, List.of(value), began, ended, threw);
    }

    private static List<Linearization.Order> orders(List<RaceLog.Step> writer, List<RaceLog.Step> rival) {
        return Linearization.of(writer, rival, ArrayList::new, Function.identity());
    }

    @Test
    void theStepInFlightAtThePauseFallsAnywhereAmongTheRivalsAndTheOthersKeepTheirPlace() {
        List<RaceLog.Step> writer = List.of(step("w1", 1, 2, false), step("w2", 3, 8, false), step("w3", 9, 10, false));
        List<RaceLog.Step> rival = List.of(step("r1", 4, 5, false), step("r2", 6, 7, false));
        List<List<RaceLog.Step>> merges = Linearization.merges(writer, rival);
        assertEquals(3, merges.size(), merges.toString());
        for (List<RaceLog.Step> m : merges) {
            assertEquals("w1", m.get(0).label(), "ended before the rival began: first");
            assertEquals("w3", m.get(4).label(), "began after the rival ended: last");
            assertTrue(m.indexOf(rival.get(0)) < m.indexOf(rival.get(1)), "each writer's own order");
        }
        List<Linearization.Order> all = orders(writer, rival);
        assertTrue(Linearization.allows(all, List.of("w1", "r1", "w2", "r2", "w3"), true));
        assertFalse(Linearization.allows(all, List.of("r1", "w1", "w2", "r2", "w3"), false), "w1 had ended");
        assertFalse(Linearization.allows(all, List.of("w1", "w2", "r1", "w3"), false), "r2 returned: never lost");
    }

    @Test
    void writersThatNeverOverlapHaveOneOrder() {
        assertEquals(1, Linearization.merges(List.of(step("w1", 1, 2, false)), List.of(step("r1", 3, 4, false))).size());
    }

    @Test
    void aStepTheStoreFailedMayHaveTakenEffectOrNot() {
        List<Linearization.Order> all = orders(List.of(step("w1", 1, 4, true)), List.of(step("r1", 2, 3, false)));
        assertTrue(Linearization.allows(all, List.of("r1"), true));
        assertTrue(Linearization.allows(all, List.of("r1", "w1"), true));
        assertTrue(Linearization.allows(all, List.of("w1", "r1"), true));
    }

    @Test
    void aFailedStepTheModelRefusesAnywayIsTriedOnce() {
        // the rival's "x" failed where the model refuses it: taken or not, the same order
        List<Linearization.Order> all = orders(List.of(step("x", 1, 2, false)), List.of(step("x", 3, 4, true)));
        assertEquals(1, all.size(), all.toString());
        assertTrue(Linearization.allows(all, List.of("x"), true));
    }

    @Test
    void aWriteTheModelRefusesButTheStoreTookIsAllowedForG1AndNotForG4() {
        // both put "x" and both returned: one of them should have been refused
        List<Linearization.Order> all = orders(List.of(step("x", 1, 4, false)), List.of(step("x", 2, 3, false)));
        assertTrue(Linearization.allows(all, List.of("x"), false), "the state is one the model reaches");
        assertFalse(Linearization.allows(all, List.of("x"), true), "but no order has the store answer as the model does");
        assertTrue(all.get(0).describe().contains("the model refuses x, which returned"), all.get(0).describe());
    }
}
