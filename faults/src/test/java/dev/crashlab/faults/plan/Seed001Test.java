package dev.crashlab.faults.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import dev.crashlab.store.Codecs;
import dev.crashlab.store.Durability;
import dev.crashlab.store.Protocol;
import dev.crashlab.store.WriteOnceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 001 for real: the temp file is written on tmpfs and moved onto the disk, which is a copy and
 * a delete. A reader paused inside that copy sees a partial entry under TEMP_ELSEWHERE, and never
 * under REFERENCE (temp beside the entry, atomic rename).
 */
class Seed001Test {

    @TempDir
    Path tmp;

    private static final String VALUE = "a value long enough to need several chunks to copy";
    private static final FaultPlan CROSS_DEVICE_COPY = MoveAsCopy.acrossFileStores(16);

    private record Setup(Path root, Path temps, WriteOnceStore<String> store) {
    }

    private Setup fresh(Protocol protocol, Path shm, String name) throws IOException {
        Path root = tmp.resolve(protocol + "-" + name);
        Path temps = Files.createDirectories(shm.resolve(protocol + "-" + name));
        WriteOnceStore<String> store = protocol.on(WriteOnceStore.builder(root, Codecs.utf8())
                .durability(Durability.FILE_AND_DIRECTORY), temps).build();
        return new Setup(root, temps, store);
    }

    private RunResult put(Setup s, FaultPlan plan) {
        return Run.in(s.root()).watch("shm", s.temps()).plan(plan).go(() -> s.store().put("k", VALUE));
    }

    /** What readers paused before each operation of the put saw that was neither absent nor complete. */
    private List<String> partialEntriesSeen(Protocol protocol, Path shm) throws IOException {
        Setup first = fresh(protocol, shm, "fault-free");
        IoTrace trace = put(first, CROSS_DEVICE_COPY).trace();
        byte[] complete = Files.readAllBytes(first.store().entryFile("k"));
        List<String> partial = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < trace.size(); i++) {
            Setup s = fresh(protocol, shm, "pause-" + i);
            String point = trace.get(i).describe();
            RunResult result = put(s, CROSS_DEVICE_COPY.and(new PauseAt(i, () -> {
                Path entry = s.store().entryFile("k");
                try {
                    byte[] seen = Files.exists(entry) ? Files.readAllBytes(entry) : null;
                    if (seen != null && !Arrays.equals(seen, complete)) {
                        partial.add("before " + point + ": " + seen.length + " of " + complete.length + " bytes");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })));
            assertNull(result.thrown(), point);
            assertTrue(result.callbackErrors().isEmpty(), point + ": " + result.callbackErrors());
        }
        return partial;
    }

    @Test
    void aReaderInsideTheCrossDeviceCopySeesAPartialEntryUnderTempElsewhereOnly() throws IOException {
        Path shm = Tmpfs.directoryOrSkip(tmp);
        try {
            Setup probe = fresh(Protocol.TEMP_ELSEWHERE, shm, "probe");
            IoTrace trace = put(probe, CROSS_DEVICE_COPY).trace();
            assertTrue(trace.ops().stream().anyMatch(op -> op.kind() == OpKind.DELETE && op.path().startsWith("@shm/")),
                    "the move from tmpfs became copy + delete:\n" + trace.listing());

            List<String> tempElsewhere = partialEntriesSeen(Protocol.TEMP_ELSEWHERE, shm);
            assertFalse(tempElsewhere.isEmpty(), "TEMP_ELSEWHERE should show a reader a partial entry");
            List<String> reference = partialEntriesSeen(Protocol.REFERENCE, shm);
            assertEquals(List.of(), reference, "REFERENCE must never show a partial entry");
        } finally {
            Tmpfs.delete(shm);
        }
    }
}
