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

class OrderedTest {

    private final PersistenceModel model = new Ordered();

    @Test
    void allowsOnlyPrefixesSoRenameNoFsyncNeverShowsAnEmptyEntry() {
        IoTrace trace = Traces.empty().put(RENAME_NO_FSYNC, "a", bytes("v1")).build();
        assertEquals(Set.of("{}", "{.a.0.tmp=}", "{.a.0.tmp=v1}", "{a.entry=v1}"),
                States.render(States.of(trace, model)));
    }

    @Test
    void everyStateIsOneAProcessCrashCouldLeave() {
        for (IoTrace trace : List.of(
                Traces.empty().put(REFERENCE, "a", bytes("v1")).put(NO_DIR_FSYNC, "b", bytes("v2")).build(),
                Traces.empty().put(RENAME_NO_FSYNC, "a", bytes("v1")).streamToFinal("b", bytes("xyzw")).build())) {
            assertEquals(States.render(States.of(trace, new ProcessCrash())), States.render(States.of(trace, model)));
        }
    }

    @Test
    void aPowerFailureLosesTheUnsyncedTailButNotWhatAnFsyncCovered() {
        IoTrace trace = Traces.empty().put(NO_DIR_FSYNC, "a", bytes("v1")).build();
        List<CrashState> afterReturn = new CrashStates(trace).atCrashPoint(model, Exploration.defaults(), 4);
        assertEquals(Set.of("{.a.0.tmp=v1}", "{a.entry=v1}"), States.render(afterReturn));
        assertEquals("ordered, crash after #3: persisted #0 #1; dropped #3 [exhaustive]",
                afterReturn.get(1).provenance().summary());
    }

    @Test
    void theReferencePutSurvivesOnceItReturned() {
        IoTrace trace = Traces.empty().put(REFERENCE, "a", bytes("v1")).build();
        assertEquals(Set.of("{a.entry=v1}"),
                States.render(new CrashStates(trace).atCrashPoint(model, Exploration.defaults(), 5)));
    }
}
