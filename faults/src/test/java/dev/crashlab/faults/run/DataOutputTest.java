package dev.crashlab.faults.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every DataOutput method of RandomAccessFile is recorded with the bytes that reach the file, once:
 * the String forms reach it through a method that is native on 17 (so they are recorded as
 * themselves) and Java on 25 (where the nested call must not be recorded a second time).
 */
class DataOutputTest {

    @TempDir
    Path root;

    @Test
    void aLockFileWrittenWithWriteBytesIsRecordedNotBroken() throws Exception {
        Path lock = root.resolve("lock");
        Files.write(lock, new byte[] {'v', '1', '!', '!'});
        IoTrace trace = Run.record(root, () -> {
            try (RandomAccessFile raf = new RandomAccessFile(lock.toFile(), "rw")) {
                raf.setLength(0);
                raf.writeBytes("v2");
                raf.getFD().sync();
            }
        });
        IoOp write = trace.ops().stream().filter(op -> op.kind() == OpKind.WRITE).findFirst().orElseThrow();
        assertArrayEquals(new byte[] {'v', '2'}, write.data(), trace.listing());
        assertArrayEquals(new byte[] {'v', '2'}, Files.readAllBytes(lock));
    }

    @Test
    void everyDataOutputMethodIsRecordedWithTheBytesOnDisk() throws Exception {
        Path file = root.resolve("data");
        IoTrace trace = Run.record(root, () -> {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                writeAll(raf);
            }
        });
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(expected)) {
            writeAll(out);
        }
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file));
        ByteArrayOutputStream recorded = new ByteArrayOutputStream();
        long next = 0;
        for (IoOp op : trace.ops()) {
            if (op.kind() == OpKind.WRITE) {
                assertEquals(next, op.offset(), "written back to back, each once:\n" + trace.listing());
                recorded.write(op.data());
                next += op.data().length;
            }
        }
        assertArrayEquals(expected.toByteArray(), recorded.toByteArray(), trace.listing());
    }

    @Test
    void aCrashInsideAStringWriteLeavesItsPrefix() throws Exception {
        Path file = root.resolve("lock");
        Files.createFile(file);
        RunResult result = Run.with(root, FaultPlan.crashInsideWrite(0, 3), () -> {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.writeBytes("abcdef");
            }
        });
        assertEquals(true, result.crashed(), String.valueOf(result.thrown()));
        assertArrayEquals(new byte[] {'a', 'b', 'c'}, Files.readAllBytes(file));
    }

    /** A char above 0xFF: writeBytes keeps its low byte, writeChars both, writeUTF three. */
    private static void writeAll(java.io.DataOutput raf) throws java.io.IOException {
        String text = "a\u0142z";
        raf.writeBoolean(true);
        raf.writeByte(0x81);
        raf.writeShort(0x1234);
        raf.writeChar(0x4142);
        raf.writeInt(0xCAFEBABE);
        raf.writeLong(0x0102030405060708L);
        raf.writeFloat(1.5f);
        raf.writeDouble(-2.25);
        raf.writeBytes(text);
        raf.writeChars(text);
        raf.writeUTF(text);
        raf.write(7);
        raf.write(new byte[] {1, 2});
        raf.write(new byte[] {9, 3, 4, 9}, 1, 2);
    }
}
