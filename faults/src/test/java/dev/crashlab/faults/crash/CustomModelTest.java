package dev.crashlab.faults.crash;

import static dev.crashlab.faults.crash.Traces.Protocol.NO_DIR_FSYNC;
import static dev.crashlab.faults.crash.Traces.Protocol.RENAME_NO_FSYNC;
import static dev.crashlab.faults.crash.Traces.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.faults.trace.IoTrace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A user's own model through the public API only: LazyFS's clear-cache, all unsynced data lost at once. */
class CustomModelTest {

    private final PersistenceModel clearCache = new PersistenceModel() {
        @Override
        public String name() {
            return "clear-cache";
        }

        @Override
        public CrashSpace space(TraceFacts facts, int crashPoint) {
            Map<Integer, Fate> lost = new HashMap<>();
            for (int i = 0; i < crashPoint; i++) {
                if (facts.isData(i) && !facts.syncedBefore(i, crashPoint)) {
                    lost.put(i, Fate.DROPPED);
                }
            }
            return lost.isEmpty() ? CrashSpace.exact(crashPoint)
                    : new CrashSpace(crashPoint, List.of(new Choice(List.of(Map.of(), lost))));
        }
    };

    @Test
    void aModelIsOneMethodAndEverythingElseComesFree() {
        IoTrace trace = Traces.empty().put(RENAME_NO_FSYNC, "a", bytes("v1")).build();
        List<CrashState> states = States.of(trace, clearCache);
        assertEquals(Set.of("{}", "{.a.0.tmp=}", "{.a.0.tmp=v1}", "{a.entry=}", "{a.entry=v1}"), States.render(states));
        assertEquals("clear-cache, crash after #3: persisted #0 #2; dropped #1 [exhaustive]", states.stream()
                .filter(s -> States.render(s).equals("{a.entry=}")).findFirst().get().provenance().summary());
    }

    @Test
    void syncedDataSurvivesTheClearedCache() {
        IoTrace trace = Traces.empty().put(NO_DIR_FSYNC, "a", bytes("v1")).build();
        assertEquals(Set.of("{a.entry=v1}"),
                States.render(new CrashStates(trace).atCrashPoint(clearCache, Exploration.defaults(), 4)));
    }
}
