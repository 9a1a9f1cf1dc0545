package dev.crashlab.scenarios.property;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.scenarios.check.QuietStoreLog;
import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.workload.Workload;
import dev.crashlab.store.Durability;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Random workloads of 4 to 12 steps (puts, putIfAbsents, gets, clears over adversarial keys and
 * values) against the reference store under FILE_AND_DIRECTORY: every crash state of every
 * built-in persistence model keeps every guarantee it claims (G1-G6), and the store behaves as a
 * write-once map while nothing crashes. Seed and example count: see {@link QtRun}.
 */
@ExtendWith(QuietStoreLog.class)
class ReferenceStorePropertyTest {

    static final StoreTarget REFERENCE = StoreTarget.reference(Durability.FILE_AND_DIRECTORY);
    static final Exploration EXPLORATION = Exploration.defaults().withSeed(QtRun.SEED);

    private static Judge judge;
    private static Judge throwingJudge;

    @BeforeAll
    static void open() {
        judge = new Judge(REFERENCE, REFERENCE);
        throwingJudge = new Judge(new ThrowingSerializerTarget(REFERENCE), REFERENCE);
    }

    @AfterAll
    static void close() {
        judge.close();
        throwingJudge.close();
    }

    /** The first dozen findings, for a failure message. */
    static String first(List<String> findings) {
        int shown = Math.min(findings.size(), 12);
        return String.join("\n", findings.subList(0, shown))
                + (findings.size() > shown ? "\n... and " + (findings.size() - shown) + " more" : "");
    }

    static void holdsEverything(Judge j, Workload w, boolean serializerThrows) {
        List<String> live = j.liveViolations(w, serializerThrows);
        assertTrue(live.isEmpty(), () -> "live run of " + Generators.describe(w) + ":\n" + first(live));
        List<String> crashed = j.crashViolations(w, PersistenceModel.builtIn(), EXPLORATION);
        assertTrue(crashed.isEmpty(), () -> "crash states of " + Generators.describe(w) + ":\n" + first(crashed));
    }

    @Test
    void everyCrashStateOfARandomWorkloadKeepsEveryClaimedGuarantee() {
        QtRun.check("reference store keeps G1-G6 in every crash state", Generators.workloads(4, 12, false),
                w -> holdsEverything(judge, w, false));
    }

    /**
     * The same with a serializer that throws part-way on some values: the reference protocol
     * serializes to memory first, so a failed serialization touches no file at all.
     */
    @Test
    void aSerializerThatThrowsLeavesNothingBehind() {
        QtRun.check("reference store with a throwing serializer keeps G1-G6", Generators.workloads(4, 12, true),
                w -> holdsEverything(throwingJudge, w, true));
    }
}
