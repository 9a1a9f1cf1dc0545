package dev.crashlab.faults.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.run.Roots;
import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.OpKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SerializationPlansTest {

    @TempDir
    Path tmp;

    private static final byte[] PAYLOAD = new byte[300];

    /** Serialize to memory first, then write the file: a crash mid-serialization leaves nothing. */
    private static void memoryFirst(Path root, Serializable value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        Files.write(root.resolve("entry"), bytes.toByteArray(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Serialize straight into the final file (seed 000's stream-to-final). */
    private static void streamToFinal(Path root, Serializable value) throws IOException {
        try (OutputStream file = Files.newOutputStream(root.resolve("entry"), StandardOpenOption.CREATE_NEW);
             ObjectOutputStream out = new ObjectOutputStream(file)) {
            out.writeObject(value);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void crashWhileSerializingToMemoryLeavesNoFile(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        RunResult result = Run.with(root, new CrashMidSerialization(100), () -> memoryFirst(root, PAYLOAD));
        assertTrue(result.crashed());
        assertTrue(result.crashPoint().orElseThrow().contains("in memory"), result.crashPoint().orElseThrow());
        assertEquals(0, result.trace().size(), result.trace().listing());
        assertFalse(Files.exists(root.resolve("entry")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void crashWhileSerializingIntoTheFileLeavesATornFile(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        RunResult result = Run.with(root, new CrashMidSerialization(100), () -> streamToFinal(root, PAYLOAD));
        assertTrue(result.crashed());
        assertEquals(100, Files.size(root.resolve("entry")));
        long written = result.trace().ops().stream().filter(op -> op.kind() == OpKind.WRITE)
                .mapToLong(IoOp::length).sum();
        assertEquals(100, written, result.trace().listing());
        assertEquals(OpKind.CREATE, result.trace().get(0).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "jimfs"})
    void aThrowingSerializerLeavesATornFileWhenStreamingAndNothingWhenBuffered(String fs) throws Exception {
        Path root = Roots.on(fs, tmp);
        ThrowingValue value = new ThrowingValue(PAYLOAD, 50);
        RunResult streamed = Run.with(root, FaultPlan.none(), () -> streamToFinal(root, value));
        assertFalse(streamed.crashed());
        IOException failure = assertInstanceOf(IOException.class, streamed.thrown());
        assertTrue(failure.getMessage().contains("on purpose"), failure.getMessage());
        assertTrue(Files.size(root.resolve("entry")) > 0, "stream-to-final leaves a torn entry");

        Path other = Roots.on(fs, tmp.resolve("other"));
        RunResult buffered = Run.with(other, FaultPlan.none(), () -> memoryFirst(other, value));
        assertInstanceOf(IOException.class, buffered.thrown());
        assertEquals(List.of(), buffered.trace().ops());
        assertFalse(Files.exists(other.resolve("entry")));
    }
}
