package dev.crashlab.faults.crash;

import static dev.crashlab.faults.crash.Traces.Protocol.NO_DIR_FSYNC;
import static dev.crashlab.faults.crash.Traces.Protocol.REFERENCE;
import static dev.crashlab.faults.crash.Traces.Protocol.RENAME_NO_FSYNC;
import static dev.crashlab.faults.crash.Traces.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.faults.trace.IoTrace;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Ext4LikeTest {

    private final PersistenceModel model = new Ext4Like();

    @Test
    void renameNoFsyncCanLeaveTheEntryRenamedButEmpty() {
        IoTrace trace = Traces.empty().put(RENAME_NO_FSYNC, "a", bytes("v1")).build();
        assertEquals(Set.of("{}", "{.a.0.tmp=}", "{.a.0.tmp=v1}", "{a.entry=}", "{a.entry=v1}"),
                States.render(States.of(trace, model)));
    }

    @Test
    void theEmptyEntryIsExplainedByTheLostWrite() {
        IoTrace trace = Traces.empty().put(RENAME_NO_FSYNC, "a", bytes("v1")).build();
        List<CrashState> afterReturn = new CrashStates(trace).atCrashPoint(model, Exploration.defaults(), 4);
        assertEquals(Set.of("{a.entry=}", "{a.entry=v1}"), States.render(afterReturn));
        CrashState empty = afterReturn.stream().filter(s -> States.render(s).equals("{a.entry=}")).findFirst().get();
        assertEquals("ext4-like, crash after #3: persisted #0 #2; dropped #1 [exhaustive]", empty.provenance().summary());
    }

    @Test
    void theReferenceFsyncBeforeTheRenameRulesOutAnEmptyEntry() {
        IoTrace trace = Traces.empty().put(REFERENCE, "a", bytes("v1")).build();
        assertEquals(Set.of("{}", "{.a.0.tmp=}", "{.a.0.tmp=v1}", "{a.entry=v1}"),
                States.render(States.of(trace, model)));
    }

    @Test
    void withoutADirectoryFsyncTheRenameItselfCanBeLost() {
        IoTrace trace = Traces.empty().put(NO_DIR_FSYNC, "a", bytes("v1")).build();
        assertEquals(Set.of("{.a.0.tmp=v1}", "{a.entry=v1}"),
                States.render(new CrashStates(trace).atCrashPoint(model, Exploration.defaults(), 4)));
    }

    @Test
    void anyFsyncCommitsTheJournalSoEarlierRenamesPersist() {
        IoTrace trace = Traces.empty().put(NO_DIR_FSYNC, "a", bytes("v1")).put(REFERENCE, "b", bytes("v2")).build();
        assertEquals(Set.of("{.b.4.tmp=v2, a.entry=v1}", "{a.entry=v1, b.entry=v2}"),
                States.render(new CrashStates(trace).atCrashPoint(model, Exploration.defaults(), 8)));
    }

    @Test
    void metadataPersistsInOrderSoALaterRenameImpliesTheEarlierOne() {
        IoTrace trace = Traces.empty().put(RENAME_NO_FSYNC, "a", bytes("v1")).put(RENAME_NO_FSYNC, "b", bytes("v2"))
                .build();
        for (CrashState state : States.of(trace, model)) {
            boolean b = state.contents().files().containsKey("b.entry");
            boolean a = state.contents().files().containsKey("a.entry");
            assertEquals(true, !b || a, state::toString);
        }
    }
}
