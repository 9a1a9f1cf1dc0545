package dev.crashlab.scenarios.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.crashlab.faults.crash.Roots;
import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.workload.Step;
import dev.crashlab.scenarios.workload.Value;
import dev.crashlab.scenarios.workload.Workload;
import dev.crashlab.store.Durability;
import org.junit.jupiter.api.Test;

/**
 * The campaign judges each trace shape once, so two recordings may share a shape only when every
 * crash state and every expectation would be the same: the random part of temp-file names must not
 * tell them apart, and anything a checker reads must.
 */
class TraceShapeTest {

    static final StoreTarget TARGET = StoreTarget.reference(Durability.FILE_AND_DIRECTORY);
    static final Value A = Value.small("small-a");
    static final Value B = Value.small("small-b");

    static TraceShape shape(Step... steps) {
        try (Roots roots = new Roots("shape")) {
            Recording rec = Recording.run(TARGET, Workload.of(steps), roots.fresh(), Campaign.NON_ATOMIC_MOVES);
            return TraceShape.of(rec.trace(), rec.expectations(TARGET));
        }
    }

    @Test
    void aGetOrARefusedPutAddsNothingToJudge() {
        TraceShape put = shape(new Step.Put("k1", A));
        assertEquals(put, shape(new Step.Put("k1", A)), "two runs differ only in their temp files' random names");
        assertEquals(put, shape(new Step.Get("k1"), new Step.Put("k1", A)));
        assertEquals(put, shape(new Step.Put("k1", A), new Step.Put("k1", A)));
    }

    @Test
    void whatACheckerReadsTellsShapesApart() {
        TraceShape put = shape(new Step.Put("k1", A));
        assertNotEquals(put, shape(new Step.Put("k1", B)), "another value");
        assertNotEquals(put, shape(new Step.Put("k2", A)), "another key");
        assertNotEquals(put, shape(new Step.Put("k1", A), new Step.Put("k2", A)), "a longer trace");
        assertNotEquals(shape(new Step.Put("k1", A), new Step.Put("k2", B)),
                shape(new Step.Put("k2", B), new Step.Put("k1", A)), "another order");
    }
}
