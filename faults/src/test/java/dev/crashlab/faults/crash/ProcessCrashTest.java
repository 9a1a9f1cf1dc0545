package dev.crashlab.faults.crash;

import static dev.crashlab.faults.crash.Traces.Protocol.NONE;
import static dev.crashlab.faults.crash.Traces.Protocol.REFERENCE;
import static dev.crashlab.faults.crash.Traces.Protocol.RENAME_NO_FSYNC;
import static dev.crashlab.faults.crash.Traces.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.trace.IoTrace;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessCrashTest {

    private final PersistenceModel model = new ProcessCrash();

    @Test
    void referencePutLeavesExactlyEachPrefix() {
        IoTrace trace = Traces.empty().put(REFERENCE, "a", bytes("v1")).build();
        assertEquals(Set.of("{}", "{.a.0.tmp=}", "{.a.0.tmp=v1}", "{a.entry=v1}"),
                States.render(States.of(trace, model)));
    }

    @Test
    void provenanceNamesTheLatestCrashPointLeavingTheState() {
        IoTrace trace = Traces.empty().put(REFERENCE, "a", bytes("v1")).build();
        CrashState complete = States.of(trace, model).get(0);
        assertEquals("process-crash, crash after #4: persisted #0 #1 #3 [exhaustive]",
                complete.provenance().summary());
    }

    @Test
    void neverLosesNorTearsAnything() {
        for (IoTrace trace : List.of(
                Traces.empty().put(NONE, "a", new byte[10_000]).put(RENAME_NO_FSYNC, "b", bytes("v2")).build(),
                Traces.empty().streamToFinal("a", bytes("abcdef")).build())) {
            for (CrashState state : States.of(trace, model)) {
                assertTrue(state.provenance().dropped().isEmpty(), state::toString);
                assertTrue(state.provenance().torn().isEmpty(), state::toString);
            }
        }
    }

    @Test
    void streamToFinalShowsAHalfWrittenEntry() {
        IoTrace trace = Traces.empty().streamToFinal("a", bytes("abcdef")).build();
        assertEquals(Set.of("{}", "{a.entry=}", "{a.entry=abc}", "{a.entry=abcdef}"),
                States.render(States.of(trace, model)));
    }
}
