package dev.crashlab.faults.crash;

import static dev.crashlab.faults.crash.Traces.Protocol.RENAME_NO_FSYNC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.faults.trace.IoTrace;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    @Test
    void describeMarksEachOperationsFate() {
        IoTrace trace = Traces.empty().put(RENAME_NO_FSYNC, "a", Traces.bytes("v1")).create("late").build();
        CrashState empty = new CrashStates(trace).atCrashPoint(new Ext4Like(), Exploration.defaults(), 4).stream()
                .filter(s -> States.render(s).equals("{a.entry=}")).findFirst().get();
        assertEquals("""
                ext4-like, crash after #3: persisted #0 #2; dropped #1 [exhaustive]
                  ok     #0   CREATE          .a.0.tmp  [main]
                  LOST   #1   WRITE           .a.0.tmp @0 +2 bytes  [main]
                  ok     #2   MOVE            .a.0.tmp -> a.entry (ATOMIC_MOVE)  [main]
                  ok     #3   FSYNC_DIRECTORY   [main]
                  never  #4   CREATE          late  [main]
                """, empty.provenance().describe(trace));
    }

    @Test
    void aTornWriteSaysHow() {
        IoTrace trace = Traces.empty().create("f").write("f", 0, new byte[10]).build();
        Provenance p = new Provenance("m", 2, java.util.List.of(0), java.util.List.of(),
                new java.util.TreeMap<>(java.util.Map.of(1, new Tear(4, 3, 0, 0, Tear.Fill.GARBAGE))), "exhaustive");
        assertEquals("m, crash after #1: persisted #0; torn #1 (no sector of 3 (4 B) written, all garbage) [exhaustive]",
                p.summary());
        assertEquals(true, p.describe(trace).contains("TORN   #1   WRITE           f @0 +10 bytes  [main]  <- no sector"));
    }
}
