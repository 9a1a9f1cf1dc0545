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
                byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
                ch.write(ByteBuffer.wrap(hello));
                hello[0] = 'j'; // the trace keeps what was written, not the caller's array
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

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void recordsCopyLinkTruncateDataSyncAndDelete(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        Files.write(root.resolve("src"), "0123456789".getBytes(StandardCharsets.US_ASCII));
        IoTrace trace = Run.record(root, () -> {
            Files.copy(root.resolve("src"), root.resolve("copy"));
            Files.createLink(root.resolve("link"), root.resolve("copy"));
            try (FileChannel ch = FileChannel.open(root.resolve("copy"), StandardOpenOption.WRITE)) {
                ch.truncate(4);
                ch.write(ByteBuffer.wrap(new byte[] {'x'}), 1);
                ch.force(false);
            }
            Files.deleteIfExists(root.resolve("link"));
            Files.deleteIfExists(root.resolve("never"));
        });
        // Files.copy as the JDK makes it: an exclusive create, one transfer, a close
        assertEquals(List.of(OpKind.CREATE, OpKind.WRITE, OpKind.CLOSE, OpKind.LINK, OpKind.TRUNCATE, OpKind.WRITE,
                OpKind.FSYNC_DATA, OpKind.CLOSE, OpKind.DELETE), kinds(trace), trace.listing());
        assertEquals(10, trace.get(1).length());
        assertEquals("copy", trace.get(3).path());
        assertEquals("link", trace.get(3).target());
        assertEquals(4, trace.get(4).length());
        assertEquals(1, trace.get(5).offset());
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void nothingIsRecordedOutsideARunOrOutsideTheRoot(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        Path sibling = Files.createDirectories(root.resolveSibling("sibling"));
        Files.write(root.resolve("before"), new byte[] {1});
        IoTrace trace = Run.record(root, () -> {
            Files.write(sibling.resolve("x"), new byte[] {1});
            Files.move(sibling.resolve("x"), sibling.resolve("y"));
            Files.delete(sibling.resolve("y"));
        });
        Files.write(root.resolve("after"), new byte[] {1});
        assertEquals(0, trace.size(), trace.listing());
        assertEquals(1, trace.before().files().size(), "the snapshot before the run holds the file written before it");
    }
}
