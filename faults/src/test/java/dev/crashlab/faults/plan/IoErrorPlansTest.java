package dev.crashlab.faults.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.run.Roots;
import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.trace.OpKind;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IoErrorPlansTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void noSpaceAtTheWriteFailsThatWriteOnly(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        Path log = root.getParent().resolve("outside.log");
        RunResult result = Run.with(root, FailAt.noSpace(1), () -> Workloads.publish(root, log));
        assertFalse(result.crashed());
        IOException thrown = assertInstanceOf(IOException.class, result.thrown());
        assertEquals("No space left on device", thrown.getMessage());
        assertEquals(List.of(OpKind.CREATE, OpKind.CLOSE), MovePlansTest.kinds(result.trace()), "the failed write is not in the trace");
        assertEquals(0, Files.size(root.resolve("a")));
        assertEquals("start\ncreated\n", Files.readString(log));
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void ioErrorAtTheFsyncFailsTheFsync(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        Path log = root.getParent().resolve("outside.log");
        RunResult result = Run.with(root, FailAt.ioError(2), () -> Workloads.publish(root, log));
        assertEquals("Input/output error", result.thrown().getMessage());
        assertEquals(OpKind.CLOSE, result.trace().get(2).kind(), "the failed fsync is not in the trace; the close is");
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void shortChannelWriteReturnsTheShortCount(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        AtomicInteger written = new AtomicInteger();
        RunResult result = Run.with(root, new ShortWrite(1, 3), () -> {
            try (FileChannel ch = FileChannel.open(root.resolve("a"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                written.set(ch.write(ByteBuffer.wrap(Workloads.CONTENT)));
            }
        });
        assertEquals(null, result.thrown());
        assertEquals(3, written.get());
        assertEquals(3, Files.size(root.resolve("a")));
        assertEquals(3, result.trace().get(1).length());
    }

    @Test
    void shortStreamWriteFailsWithNoSpaceAfterThePrefix() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        RunResult result = Run.with(root, new ShortWrite(1, 3), () -> {
            try (FileOutputStream out = new FileOutputStream(root.resolve("a").toFile())) {
                out.write(Workloads.CONTENT);
            }
        });
        assertEquals("No space left on device", result.thrown().getMessage());
        assertEquals(3, Files.size(root.resolve("a")));
    }

    @Test
    void failedFileDeleteReturnsFalse() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.write(root.resolve("a"), Workloads.CONTENT);
        boolean[] deleted = {true};
        RunResult result = Run.with(root, FailAt.ioError(0), () -> deleted[0] = root.resolve("a").toFile().delete());
        assertFalse(deleted[0]);
        assertTrue(Files.exists(root.resolve("a")));
        assertEquals(0, result.trace().size());
    }
}
