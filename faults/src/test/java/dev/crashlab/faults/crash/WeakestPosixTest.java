package dev.crashlab.faults.crash;

import static dev.crashlab.faults.crash.Traces.Protocol.NO_DIR_FSYNC;
import static dev.crashlab.faults.crash.Traces.Protocol.REFERENCE;
import static dev.crashlab.faults.crash.Traces.Protocol.RENAME_NO_FSYNC;
import static dev.crashlab.faults.crash.Traces.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.trace.IoTrace;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WeakestPosixTest {

    private final PersistenceModel model = new WeakestPosix();

    private static List<CrashState> at(IoTrace trace, PersistenceModel model, int crashPoint) {
        return new CrashStates(trace).atCrashPoint(model, Exploration.defaults(), crashPoint);
    }

    @Test
    void aShrinkingTruncateCanLeaveTheOldSizeWithItsBlockTailZeroed() {
        // as measured on ext4: the zeroed page written before the new size committed
        IoTrace trace = Traces.on(new dev.crashlab.faults.trace.Snapshot(new java.util.TreeSet<>(),
                new java.util.TreeMap<>(java.util.Map.of("a", bytes("abcdef"))))).truncate("a", 2).build();
        assertEquals(Set.of("{a=abcdef}", "{a=ab}", "{a=ab0000}"), States.render(at(trace, model, trace.size())));
    }

    @Test
    void withoutADirectoryFsyncAReturnedPutCanLoseItsRename() {
        IoTrace trace = Traces.empty().put(NO_DIR_FSYNC, "a", bytes("v1")).build();
        assertEquals(Set.of("{}", "{.a.0.tmp=v1}", "{a.entry=v1}"), States.render(at(trace, model, 4)));
    }

    @Test
    void theReferencePutSurvivesOnceItReturned() {
        IoTrace trace = Traces.empty().put(REFERENCE, "a", bytes("v1")).build();
        assertEquals(Set.of("{a.entry=v1}"), States.render(at(trace, model, 5)));
    }

    @Test
    void theReferencePutNeverShowsAnythingButTheWholeValueUnderTheEntryName() {
        IoTrace trace = Traces.empty().put(REFERENCE, "a", bytes("v1")).build();
        Set<String> states = States.render(States.of(trace, model));
        assertEquals(6, states.size(), states::toString);
        assertTrue(states.containsAll(Set.of("{}", "{.a.0.tmp=}", "{.a.0.tmp=v1}", "{.a.0.tmp=00}", "{a.entry=v1}")));
        assertEquals(Set.of("{a.entry=v1}"),
                states.stream().filter(s -> s.contains("a.entry")).collect(Collectors.toSet()));
    }

    @Test
    void renameNoFsyncCanLeaveAnEmptyOrZeroedEntryAfterReturning() {
        IoTrace trace = Traces.empty().put(RENAME_NO_FSYNC, "a", bytes("v1")).build();
        Set<String> states = States.render(at(trace, model, 4));
        assertEquals(4, states.size(), states::toString);
        assertTrue(states.containsAll(Set.of("{a.entry=}", "{a.entry=00}", "{a.entry=v1}")), states::toString);
    }

    @Test
    void unsyncedWritesTearAtSectorBoundariesIntoZeroOrGarbage() {
        IoTrace trace = Traces.empty().create("f").write("f", 0, bytes("abcdefghij")).build();
        List<CrashState> states = at(trace, new WeakestPosix(4), 2);
        Set<String> rendered = States.render(states);
        assertTrue(rendered.containsAll(Set.of("{}", "{f=}", "{f=abcdefghij}", "{f=0000000000}",
                "{f=abcd000000}", "{f=abcdefgh00}", "{f=0000efghij}", "{f=00000000ij}")), rendered::toString);
        assertEquals(13, states.size(), rendered::toString);
        CrashState lastSectorKept = states.stream().filter(s -> States.render(s).equals("{f=00000000ij}"))
                .findFirst().get();
        assertEquals("weakest-posix/4, crash after #1: persisted #0; torn #1 (sectors 2-2 of 3 (4 B) written, rest zero)"
                + " [exhaustive]", lastSectorKept.provenance().summary());
    }

    @Test
    void garbageFillIsNeitherTheDataNorZerosAndIsReproducible() {
        IoTrace trace = Traces.empty().create("f").write("f", 0, bytes("abcdefghij")).build();
        List<byte[]> garbage = at(trace, new WeakestPosix(4), 2).stream()
                .filter(s -> s.provenance().torn().values().stream().anyMatch(t -> t.fill() == Tear.Fill.GARBAGE))
                .map(s -> s.contents().files().get("f")).toList();
        assertEquals(5, garbage.size());
        byte[] none = garbage.get(0);
        assertNotEquals(Arrays.toString(bytes("abcdefghij")), Arrays.toString(none));
        assertNotEquals(Arrays.toString(new byte[10]), Arrays.toString(none));
        assertArrayEquals(none, at(trace, new WeakestPosix(4), 2).stream()
                .filter(s -> s.provenance().torn().values().stream().anyMatch(t -> t.fill() == Tear.Fill.GARBAGE))
                .map(s -> s.contents().files().get("f")).findFirst().get());
    }

    @Test
    void aWriteStartingMidSectorTearsAtAbsoluteSectorBoundaries() {
        IoTrace trace = Traces.empty().create("f").write("f", 0, bytes("xx")).write("f", 2, bytes("abcd"))
                .fsync("f").build();
        IoTrace tail = Traces.on(new CrashStates(trace).atCrashPoint(new ProcessCrash(), Exploration.defaults(), 4)
                .get(0).contents()).write("f", 2, bytes("klmn")).build();
        // an overwrite of synced bytes: each lost sector keeps its old bytes, none reads as zeros
        Set<String> states = Set.copyOf(States.render(at(tail, new WeakestPosix(4), 1)));
        assertEquals(Set.of("{f=xxabcd}", "{f=xxklmn}", "{f=xxklcd}", "{f=xxabmn}"), states);
    }

    @Test
    void onlyBytesBeyondTheSyncedSizeCanTearIntoZeros() {
        IoTrace synced = Traces.empty().create("f").write("f", 0, bytes("abcd")).fsync("f").build();
        IoTrace tail = Traces.on(new CrashStates(synced).atCrashPoint(new ProcessCrash(), Exploration.defaults(), 3)
                .get(0).contents()).write("f", 2, bytes("klmn")).build();
        Set<String> states = Set.copyOf(States.render(at(tail, new WeakestPosix(4), 1)));
        // sector 0 (bytes 0-3) was synced: old or new; sector 1 (bytes 4-5) is new allocation: new or zero
        assertTrue(states.containsAll(Set.of("{f=abklmn}", "{f=abcd00}", "{f=abkl00}", "{f=abcdmn}")), states.toString());
        assertTrue(states.stream().noneMatch(st -> st.contains("ab00")), states.toString());
    }

    @Test
    void aLongWriteIsTornAtEvenlySpreadBoundariesIncludingTheFirstAndLast() {
        IoTrace trace = Traces.empty().create("f").write("f", 0, new byte[1 << 20]).fsyncDir("").build();
        CrashSpace space = model.space(new TraceFacts(trace), 3);
        assertEquals(1, space.choices().size());
        List<Tear> tears = space.choices().get(0).outcomes().stream()
                .filter(o -> o.containsKey(1) && o.get(1).tear() != null).map(o -> o.get(1).tear()).toList();
        assertEquals(2 * (1 + 2 * WeakestPosix.DEFAULT_TEAR_POINTS), tears.size());
        assertTrue(tears.contains(new Tear(4096, 256, 0, 1, Tear.Fill.ZERO)));
        assertTrue(tears.contains(new Tear(4096, 256, 0, 255, Tear.Fill.GARBAGE)));
        assertTrue(tears.contains(new Tear(4096, 256, 255, 256, Tear.Fill.ZERO)));
    }

    @Test
    void anFsyncedWriteIsNeverTornOrLost() {
        IoTrace trace = Traces.empty().create("f").write("f", 0, bytes("abcdefghij")).fsync("f").build();
        assertEquals(Set.of("{}", "{f=abcdefghij}"), States.render(at(trace, new WeakestPosix(4), 3)));
    }

    @Test
    void anFsyncOfTheRenamedFileCoversDataWrittenUnderItsOldName() {
        IoTrace trace = Traces.empty().create("t").write("t", 0, bytes("v1")).move("t", "e").fsync("e").fsyncDir("")
                .build();
        assertEquals(Set.of("{e=v1}"), States.render(at(trace, model, 5)));
    }

    @Test
    void aDirectoryFsyncCoversOnlyThatDirectorysEntries() {
        IoTrace trace = Traces.empty().op(dev.crashlab.faults.trace.OpKind.MKDIR, "d", null, -1, -1, null)
                .fsyncDir("").create("d/x").create("y").fsyncDir("d").build();
        assertEquals(Set.of("{d/x=}", "{d/x=, y=}"), States.render(at(trace, model, 5)));
    }
}
