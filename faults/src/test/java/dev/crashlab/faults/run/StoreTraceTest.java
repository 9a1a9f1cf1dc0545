package dev.crashlab.faults.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import dev.crashlab.store.Codecs;
import dev.crashlab.store.Durability;
import dev.crashlab.store.WriteOnceStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace of a reference-store put lists its operations in order, fsyncs included. */
class StoreTraceTest {

    @TempDir
    Path tmp;

    @Test
    void referencePutOnDisk() throws Exception {
        Path root = tmp.resolve("store");
        WriteOnceStore<String> store = WriteOnceStore.builder(root, Codecs.utf8())
                .durability(Durability.FILE_AND_DIRECTORY).build();
        IoTrace trace = Run.record(root, () -> store.put("k", "value"));

        // A new entry is published by hard link (never replaces a racing writer's entry), then the temp goes.
        assertEquals(List.of(OpKind.CREATE, OpKind.WRITE, OpKind.FSYNC_FILE, OpKind.CLOSE, OpKind.LINK,
                OpKind.DELETE, OpKind.FSYNC_DIRECTORY, OpKind.CLOSE), TraceTest.kinds(trace), trace.listing());
        String temp = trace.get(0).path();
        String entry = store.entryFile("k").getFileName().toString();
        assertTrue(temp.matches("\\.[0-9a-f]{64}\\.[0-9a-f]+\\.tmp"), temp);
        assertEquals(List.of(temp, temp, temp, temp, temp, temp, "", ""),
                trace.ops().stream().map(IoOp::path).toList(), trace.listing());
        IoOp link = trace.get(4);
        assertEquals(entry, link.target());
        assertTrue(new String(trace.get(1).data(), StandardCharsets.ISO_8859_1).contains("value"));
        assertTrue(trace.ops().stream().allMatch(op -> op.site().startsWith("dev.crashlab.store.")),
                trace.listing());
    }

    @Test
    void referencePutOnJimfsHasNoDirectoryFsync() throws Exception {
        Path root = Roots.jimfs();
        WriteOnceStore<String> store = WriteOnceStore.builder(root, Codecs.utf8())
                .durability(Durability.FILE_AND_DIRECTORY).build();
        IoTrace trace = Run.record(root, () -> store.put("k", "value"));

        assertEquals(List.of(OpKind.CREATE, OpKind.WRITE, OpKind.FSYNC_FILE, OpKind.CLOSE, OpKind.LINK, OpKind.DELETE),
                TraceTest.kinds(trace), trace.listing());
    }
}
