package dev.crashlab.scenarios.check;

import static dev.crashlab.scenarios.check.StoreTraces.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.crash.WeakestPosix;
import dev.crashlab.store.Durability;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.store.Protocol;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(QuietStoreLog.class)
class ReferenceProtocolTest {

    private static final Durability SAFE = Durability.FILE_AND_DIRECTORY;

    private static List<StoreTraces> workloads() {
        return List.of(
                new StoreTraces().put(Protocol.REFERENCE, SAFE, "k1", utf8("small-a")),
                new StoreTraces().put(Protocol.REFERENCE, SAFE, "k1", utf8("small-a"))
                        .put(Protocol.REFERENCE, SAFE, "k2", utf8("small-b")),
                new StoreTraces().put(Protocol.REFERENCE, SAFE, "k1", utf8("small-a"))
                        .refusedPut("k1", utf8("small-b")).put(Protocol.REFERENCE, SAFE, "k2", utf8("small-a")));
    }

    @Test
    void passesEveryGuaranteeInEveryStateOfEveryModel() {
        for (StoreTraces w : workloads()) {
            for (PersistenceModel model : PersistenceModel.builtIn()) {
                List<CheckResult> results = Verdicts.run(w, w.expect(SAFE, Protocol.REFERENCE), model);
                assertTrue(results.stream().allMatch(CheckResult::passed), () -> Verdicts.failures(results));
            }
        }
    }

    @Test
    void passesWithALargeValueTornAtEverySector() {
        byte[] large = new byte[1 << 20];
        new java.util.Random(7).nextBytes(large);
        StoreTraces w = new StoreTraces().put(Protocol.REFERENCE, SAFE, "k1", large);
        // 256 sectors of 4 KiB, torn at all 255 boundaries (the default model tears at 4 of them):
        // the tear-one pass alone covers every boundary; the bound keeps it quick.
        List<CheckResult> results = CrashChecks.run(w.trace(), w.expect(SAFE, Protocol.REFERENCE),
                new WeakestPosix(4096, 255), new Exploration(64, 16, 1));
        assertTrue(results.size() > 6 * 20, () -> "only " + results.size() + " verdicts");
        assertTrue(results.stream().allMatch(CheckResult::passed), () -> Verdicts.failures(results));
    }

    @Test
    void underNoneOnlyUnclaimedGuaranteesBreakAndTheyAreMarkedSo() {
        StoreTraces w = new StoreTraces().put(Protocol.REFERENCE, Durability.NONE, "k1", utf8("small-a"));
        List<CheckResult> results = Verdicts.run(w, w.expect(Durability.NONE, Protocol.REFERENCE),
                PersistenceModel.builtIn().get(3));
        assertEquals(Set.of(), Verdicts.violated(results), () -> Verdicts.failures(results));
        assertEquals(Set.of(Guarantee.G2, Guarantee.G3),
                Verdicts.with(results, dev.crashlab.reports.Status.NOT_CLAIMED));
    }
}
