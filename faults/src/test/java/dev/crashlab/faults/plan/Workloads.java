package dev.crashlab.faults.plan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A small publish-by-rename writer used by the plan tests. Between its operations it writes a log
 * file outside the run's root, the way a test runner or build tool would: that I/O must never be
 * recorded or faulted.
 * Fault-free trace: #0 CREATE a, #1 WRITE a +10, #2 FSYNC_FILE a, #3 CLOSE a, #4 MOVE a -> b.
 */
final class Workloads {

    static final byte[] CONTENT = "0123456789".getBytes(StandardCharsets.US_ASCII);

    private Workloads() {
    }

    static void publish(Path root, Path outsideLog) throws IOException {
        log(outsideLog, "start");
        try (FileChannel ch = FileChannel.open(root.resolve("a"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            log(outsideLog, "created");
            ch.write(ByteBuffer.wrap(CONTENT));
            log(outsideLog, "written");
            ch.force(true);
            log(outsideLog, "synced");
        }
        Files.move(root.resolve("a"), root.resolve("b"), StandardCopyOption.ATOMIC_MOVE);
        log(outsideLog, "moved");
    }

    static void log(Path outsideLog, String line) throws IOException {
        Files.writeString(outsideLog, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        try (FileChannel ch = FileChannel.open(outsideLog, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
