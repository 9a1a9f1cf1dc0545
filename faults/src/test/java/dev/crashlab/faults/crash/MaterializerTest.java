package dev.crashlab.faults.crash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import dev.crashlab.faults.trace.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaterializerTest {

    private final IoTrace trace = Traces.empty().op(OpKind.MKDIR, "d", null, -1, -1, null)
            .create("d/x").write("d/x", 0, Traces.bytes("hello")).create("top").build();
    private final CrashState full = new CrashStates(trace)
            .atCrashPoint(new ProcessCrash(), Exploration.defaults(), trace.size()).get(0);

    @Test
    void inMemoryStatesGetFreshRootsHoldingExactlyTheirFiles() throws Exception {
        try (Materializer materializer = Materializer.inMemory()) {
            Path first;
            try (Materialized state = materializer.materialize(full)) {
                first = state.root();
                assertArrayEquals(Traces.bytes("hello"), Files.readAllBytes(state.root().resolve("d/x")));
                assertEquals(full.contents(), Snapshot.of(state.root()));
            }
            assertFalse(Files.exists(first));
            try (Materialized empty = materializer.materialize(Snapshot.empty());
                 Materialized another = materializer.materialize(full)) {
                assertEquals(first, empty.root(), "a closed root's name is reused");
                assertNotEquals(empty.root(), another.root(), "open states never share a root");
                assertEquals(Snapshot.empty(), Snapshot.of(empty.root()));
            }
        }
    }

    @Test
    void onDiskStatesAreTemporaryDirectories(@TempDir Path parent) {
        try (Materializer materializer = Materializer.onDisk(parent);
             Materialized state = materializer.materialize(full)) {
            assertTrue(state.root().startsWith(parent));
            assertEquals(full.contents(), Snapshot.of(state.root()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aHandMadeSnapshotNeedNotListItsDirectories() throws Exception {
        java.util.TreeMap<String, byte[]> files = new java.util.TreeMap<>(java.util.Map.of("x/y/z", new byte[] {1}));
        try (Materializer materializer = Materializer.inMemory();
             Materialized state = materializer.materialize(new Snapshot(new java.util.TreeSet<>(), files))) {
            assertArrayEquals(new byte[] {1}, Files.readAllBytes(state.root().resolve("x/y/z")));
        }
    }

    @Test
    void replayStartsFromTheSnapshotTakenBeforeTheWorkload() {
        IoTrace more = Traces.on(full.contents()).write("d/x", 5, Traces.bytes("!")).truncate("top", 3).build();
        CrashState after = new CrashStates(more).atCrashPoint(new ProcessCrash(), Exploration.defaults(), 2).get(0);
        assertArrayEquals(Traces.bytes("hello!"), after.contents().files().get("d/x"));
        assertArrayEquals(new byte[3], after.contents().files().get("top"));
        assertArrayEquals(Traces.bytes("hello"), full.contents().files().get("d/x"));
    }
}
