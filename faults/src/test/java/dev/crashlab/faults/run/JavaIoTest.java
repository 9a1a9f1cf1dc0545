package dev.crashlab.faults.run;

import static dev.crashlab.faults.trace.OpKind.CLOSE;
import static dev.crashlab.faults.trace.OpKind.CREATE;
import static dev.crashlab.faults.trace.OpKind.DELETE;
import static dev.crashlab.faults.trace.OpKind.FSYNC_FILE;
import static dev.crashlab.faults.trace.OpKind.MKDIR;
import static dev.crashlab.faults.trace.OpKind.MOVE;
import static dev.crashlab.faults.trace.OpKind.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.faults.trace.IoTrace;
import java.io.File;
import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** java.io is seen as well as java.nio, FileDescriptor.sync included (native on 17, Java on 25). */
class JavaIoTest {

    @TempDir
    Path tmp;

    @Test
    void recordsStreamsRandomAccessFilesAndFileOperations() throws Exception {
        Path root = tmp.resolve("root");
        root.toFile().mkdir();
        File dir = root.resolve("d").toFile();
        IoTrace trace = Run.record(root, () -> {
            dir.mkdir();
            try (FileOutputStream out = new FileOutputStream(new File(dir, "a"))) {
                out.write(new byte[] {1, 2, 3});
                out.write(4);
                out.getFD().sync();
            }
            new File(dir, "a").renameTo(new File(dir, "b"));
            try (RandomAccessFile raf = new RandomAccessFile(new File(dir, "r"), "rw")) {
                raf.write(new byte[] {9, 9});
                raf.seek(10);
                raf.write(new byte[] {7}, 0, 1);
            }
            new File(dir, "b").delete();
            new File(dir, "never-existed").delete();
        });
        assertEquals(List.of(MKDIR, CREATE, WRITE, WRITE, FSYNC_FILE, CLOSE, MOVE, CREATE, WRITE, WRITE, CLOSE, DELETE),
                TraceTest.kinds(trace), trace.listing());
        assertEquals(3, trace.get(3).offset(), trace.listing());
        assertEquals("d/a", trace.get(4).path());
        assertEquals("d/b", trace.get(6).target());
        assertEquals(10, trace.get(9).offset());
        assertEquals("d/b", trace.get(11).path());
    }
}
