package dev.crashlab.scenarios.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.crash.ProcessCrash;
import dev.crashlab.scenarios.check.QuietStoreLog;
import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.workload.Step;
import dev.crashlab.scenarios.workload.Value;
import dev.crashlab.scenarios.workload.Workload;
import dev.crashlab.store.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quicktheories.core.Gen;

/**
 * The property checks can fail: against the seeded bug stream-to-final (seed 000: the value is
 * serialized straight into the entry file) they find a violation in every generated workload that
 * writes, and the reference's "no violation" property is falsified and shrunk to a workload of a
 * step or two. Only the process-crash model is used: it is the cheapest and already enough.
 */
@ExtendWith(QuietStoreLog.class)
class SeededBugPropertyTest {

    static final StoreTarget STREAM_TO_FINAL = StoreTarget.seeded(Protocol.STREAM_TO_FINAL);
    static final List<PersistenceModel> PROCESS_CRASH = List.of(new ProcessCrash());

    private static Judge judge;
    private static Judge throwingJudge;

    @BeforeAll
    static void open() {
        judge = new Judge(STREAM_TO_FINAL, STREAM_TO_FINAL);
        throwingJudge = new Judge(new ThrowingSerializerTarget(STREAM_TO_FINAL), STREAM_TO_FINAL);
    }

    @AfterAll
    static void close() {
        judge.close();
        throwingJudge.close();
    }

    @Test
    void streamToFinalIsCaughtInEveryWorkloadThatWrites() {
        QtRun.check("stream-to-final is caught whenever a workload writes",
                Generators.workloads(1, 8, false).assuming(w -> w.steps().stream().anyMatch(Generators::writesValidKey)),
                w -> {
                    List<String> found = judge.crashViolations(w, PROCESS_CRASH, ReferenceStorePropertyTest.EXPLORATION);
                    assertFalse(found.isEmpty(), () -> "no violation found for " + Generators.describe(w));
                    assertTrue(found.stream().anyMatch(f -> f.contains("G1 VIOLATED") || f.contains("G2 VIOLATED")),
                            () -> "no G1/G2 violation among:\n" + ReferenceStorePropertyTest.first(found));
                });
    }

    /**
     * The reference's "no claimed guarantee breaks" property, run against stream-to-final, must be
     * falsified, and QuickTheories must shrink what it found to a workload of one or two steps.
     * Workloads of 0 to 12 steps: the first one QuickTheories tries (every choice at its first
     * option) is empty and passes, so a longer workload is the first to fail and the shrinker has
     * work to do.
     */
    @Test
    void theNoViolationPropertyFailsOnStreamToFinalAndShrinksToASmallWorkload() {
        List<Workload> failed = new ArrayList<>();
        QtRun.Falsified<Workload> f = QtRun.expectFalsified("stream-to-final keeps G1-G6 (must fail)",
                Generators.workloads(0, 12, false), w -> {
                    List<String> found = judge.crashViolations(w, PROCESS_CRASH, ReferenceStorePropertyTest.EXPLORATION);
                    if (!found.isEmpty()) {
                        failed.add(w);
                    }
                    assertTrue(found.isEmpty(), () -> ReferenceStorePropertyTest.first(found));
                });
        Workload first = failed.get(0);
        System.out.println("[crashlab] stream-to-final falsified by " + Generators.describe(first)
                + "; QuickTheories shrank it to " + Generators.describe(f.smallest()));
        assertTrue(f.message().contains("Seed was " + QtRun.SEED), () -> "the failure must name the seed:\n" + f.message());
        assertTrue(f.smallest().size() <= 2, () -> "shrunk to " + Generators.describe(f.smallest()));
        assertTrue(f.smallest().steps().stream().anyMatch(Generators::writesValidKey), () -> Generators.describe(f.smallest()));
        assertTrue(first.size() <= 2 || first.size() > f.smallest().size(),
                () -> "no shrinking happened: " + Generators.describe(first));
    }

    /** What CI prints when a property fails: the seed, the flags that replay it, and QuickTheories' own report. */
    @Test
    void aFailingPropertyNamesTheSeedAndHowToReplayIt() {
        AssertionError e = assertThrows(AssertionError.class, () -> QtRun.check("stream-to-final keeps G1-G6 (must fail)",
                Generators.workloads(1, 12, false), w -> {
                    List<String> found = judge.crashViolations(w, PROCESS_CRASH, ReferenceStorePropertyTest.EXPLORATION);
                    assertTrue(found.isEmpty(), () -> ReferenceStorePropertyTest.first(found));
                }));
        String message = e.getMessage();
        System.out.println("[crashlab] a failing property reads:\n" + message.lines().limit(6).collect(Collectors.joining("\n")));
        assertTrue(message.contains("crashlab.seed=" + QtRun.SEED), message);
        assertTrue(message.contains(QtRun.replay()), message);
        assertTrue(message.contains("Seed was " + QtRun.SEED), message);
        assertTrue(message.contains("put(\"k1\", small-a)"), message);
    }

    /**
     * A serializer that throws part-way under stream-to-final leaves a torn entry with no crash at
     * all: a reader sees an invalid entry where the model says "absent".
     */
    @Test
    void aThrowingSerializerUnderStreamToFinalLeavesATornEntryInPlainSight() {
        QtRun.check("stream-to-final with a throwing serializer is caught live", endingInAThrowingPut(),
                w -> {
                    List<String> live = throwingJudge.liveViolations(w, true);
                    assertTrue(live.stream().anyMatch(l -> l.contains("the invalid-entry error")),
                            () -> "no torn entry seen live in " + Generators.describe(w) + ":\n"
                                    + ReferenceStorePropertyTest.first(live));
                });
    }

    /**
     * Random workloads (throwing values included) followed by a put of the throwing value on a key
     * the store does not hold at that point, so stream-to-final starts writing its entry.
     */
    static Gen<Workload> endingInAThrowingPut() {
        return Generators.workloads(0, 7, true).zip(Generators.keys(), (w, k) -> {
            Model model = new Model(true);
            w.steps().forEach(model::apply);
            String key = model.wouldWrite(new Step.Put(k, Generators.THROWING)) ? k : "never-put";
            List<Step> steps = new ArrayList<>(w.steps());
            steps.add(new Step.Put(key, Generators.THROWING));
            return new Workload(steps);
        }).describedAs(Generators::describe);
    }

    /** Why the shrink can reach one step: a single put is already a counterexample (and runs fine live). */
    @Test
    void aSinglePutIsAlreadyACounterexample() {
        Workload onePut = Workload.of(new Step.Put("k1", Value.small("small-a")));
        List<String> found = judge.crashViolations(onePut, PROCESS_CRASH, ReferenceStorePropertyTest.EXPLORATION);
        assertFalse(found.isEmpty());
        assertEquals(List.of(), judge.liveViolations(onePut, false),
                "with no crash and no throwing serializer stream-to-final stores the value");
    }
}
