package dev.crashlab.faults.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceTest {

    @TempDir
    Path tmp;

    static List<OpKind> kinds(IoTrace trace) {
        return trace.ops().stream().map(IoOp::kind).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void recordsTheNioPublishProtocolInOrder(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        Path outside = Files.createDirectories(root.getFileSystem().getPath(root.getParent().toString(), "outside"));
        IoTrace trace = Run.record(root, () -> {
            Files.createDirectories(root.resolve("d"));
            Path temp = root.resolve("d/.e.tmp");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            Files.write(outside.resolve("noise"), new byte[] {1, 2, 3});
            Files.move(temp, root.resolve("d/e"), StandardCopyOption.ATOMIC_MOVE);
        });
        assertEquals(List.of(OpKind.MKDIR, OpKind.CREATE, OpKind.WRITE, OpKind.FSYNC_FILE, OpKind.CLOSE, OpKind.MOVE),
                kinds(trace), trace.listing());
        IoOp write = trace.get(2);
        assertEquals("d/.e.tmp", write.path());
        assertEquals("hello", new String(write.data(), StandardCharsets.UTF_8));
        assertEquals(0, write.offset());
        IoOp move = trace.get(5);
        assertEquals("d/e", move.target());
        assertTrue(move.atomic());
        assertTrue(move.site().startsWith("dev.crashlab.faults.run.TraceTest."), move.site());
        assertEquals(Thread.currentThread().getName(), move.thread());
    }
}
