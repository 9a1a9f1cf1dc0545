package dev.crashlab.scenarios.check;

import static dev.crashlab.scenarios.check.StoreTraces.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.Ext4Like;
import dev.crashlab.faults.crash.Ordered;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.crash.ProcessCrash;
import dev.crashlab.faults.crash.WeakestPosix;
import dev.crashlab.store.Durability;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.store.Protocol;
import dev.crashlab.store.ReaderProtocol;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each checker fails on a crash state of a seeded bug it should catch (and the reference passes it: ReferenceProtocolTest). */
@ExtendWith(QuietStoreLog.class)
class SeededBugTest {

    private static final Durability SAFE = Durability.FILE_AND_DIRECTORY;

    private static Set<Guarantee> violated(StoreTraces w, Expectations e, PersistenceModel model) {
        return Verdicts.violated(Verdicts.run(w, e, model));
    }

    @Test
    void streamToFinalBreaksG1G2AndG5EvenUnderProcessCrash() {
        // G5 too, as the catalog says: a fresh stream-to-final writer cannot replace the torn entry.
        StoreTraces w = new StoreTraces().streamToFinal("k1", utf8("small-a"));
        assertEquals(Set.of(Guarantee.G1, Guarantee.G2, Guarantee.G5),
                violated(w, w.expect(SAFE, Protocol.STREAM_TO_FINAL), new ProcessCrash()));
    }

    @Test
    void renameNoFsyncBreaksG2UnderExt4LikeAndWeakestOnly() {
        StoreTraces w = new StoreTraces().put(Protocol.RENAME_NO_FSYNC, SAFE, "k1", utf8("small-a"));
        Expectations e = w.expect(SAFE, Protocol.RENAME_NO_FSYNC);
        assertTrue(violated(w, e, new Ext4Like()).contains(Guarantee.G2));
        assertTrue(violated(w, e, new WeakestPosix()).contains(Guarantee.G2));
        assertEquals(Set.of(), violated(w, e, new Ordered()));
        assertEquals(Set.of(), violated(w, e, new ProcessCrash()));
    }

    @Test
    void noDirFsyncBreaksG3UnderPowerFailuresOnly() {
        StoreTraces w = new StoreTraces().put(Protocol.NO_DIR_FSYNC, SAFE, "k1", utf8("small-a"));
        Expectations e = w.expect(SAFE, Protocol.NO_DIR_FSYNC);
        for (PersistenceModel power : List.of(new Ordered(), new Ext4Like(), new WeakestPosix())) {
            assertEquals(Set.of(Guarantee.G3), violated(w, e, power), power::name);
        }
        assertEquals(Set.of(), violated(w, e, new ProcessCrash()));
    }

    @Test
    void theG3VerdictSaysWhatWasSeenWhatWasAllowedAndHowTheStateArose() {
        StoreTraces w = new StoreTraces().put(Protocol.NO_DIR_FSYNC, SAFE, "k1", utf8("small-a"));
        CheckResult lost = Verdicts.run(w, w.expect(SAFE, Protocol.NO_DIR_FSYNC), new Ordered()).stream()
                .filter(r -> !r.passed()).findFirst().orElseThrow();
        assertEquals("G3 VIOLATED: seen k1: absent; allowed k1: \"small-a\""
                + " -- ordered, crash after #3: persisted #0 #1; dropped #3 [exhaustive]", lost.describe());
    }

    @Test
    void unlinkThenRenameBreaksG4() {
        StoreTraces w = new StoreTraces().put(Protocol.REFERENCE, SAFE, "k1", utf8("small-a"))
                .unlinkThenRename("k1", utf8("small-b"));
        assertTrue(violated(w, w.expect(SAFE, Protocol.UNLINK_THEN_RENAME), new ProcessCrash()).contains(Guarantee.G4));
    }

    @Test
    void aStaleLockBreaksG5() {
        StoreTraces w = new StoreTraces().staleLockCrash("k1", utf8("small-a"));
        assertEquals(Set.of(Guarantee.G5), violated(w, w.expect(SAFE, Protocol.STALE_LOCK), new ProcessCrash()));
    }

    @Test
    void aReaderSwallowingACorruptEntryBreaksG5() {
        StoreTraces w = new StoreTraces().streamToFinal("k1", utf8("small-a"));
        Expectations lenient = w.expect(SAFE, Protocol.REFERENCE, ReaderProtocol.SWALLOW_CORRUPT);
        assertTrue(violated(w, lenient, new ProcessCrash()).contains(Guarantee.G5));
        Expectations strict = w.expect(SAFE, Protocol.REFERENCE, ReaderProtocol.REFERENCE);
        assertTrue(!violated(w, strict, new ProcessCrash()).contains(Guarantee.G5));
    }

    @Test
    void aRenameOntoAnotherKeysEntryBreaksG6() throws Exception {
        StoreTraces w = new StoreTraces(StoreTraces.storeHolding("k0", "kept")).wrongTarget("k1", utf8("small-a"), "k0");
        assertTrue(violated(w, w.expect(SAFE, Protocol.REFERENCE), new ProcessCrash()).contains(Guarantee.G6));
        StoreTraces ok = new StoreTraces(StoreTraces.storeHolding("k0", "kept"))
                .put(Protocol.REFERENCE, SAFE, "k1", utf8("small-a"));
        assertEquals(Set.of(), violated(ok, ok.expect(SAFE, Protocol.REFERENCE), new WeakestPosix()));
    }
}
