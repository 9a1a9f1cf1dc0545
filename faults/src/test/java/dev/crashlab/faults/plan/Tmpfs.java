package dev.crashlab.faults.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A directory on a tmpfs that is a different file system from the test's disk directory, for real
 * cross-device moves. The mount is {@code -Dcrashlab.tmpfs=...}, by default Linux's /dev/shm.
 */
public final class Tmpfs {

    private Tmpfs() {
    }

    public static Path directoryOrSkip(Path onDisk) throws IOException {
        Path mount = Path.of(System.getProperty("crashlab.tmpfs", "/dev/shm"));
        Assumptions.assumeTrue(Files.isDirectory(mount) && Files.isWritable(mount),
                "needs a writable tmpfs at " + mount + " (set -Dcrashlab.tmpfs=<dir>) for a real cross-device move");
        Assumptions.assumeFalse(Files.getFileStore(mount).equals(Files.getFileStore(onDisk)),
                mount + " is on the same file system as " + onDisk + ": a move between them would not cross devices");
        return Files.createTempDirectory(mount, "crashlab-");
    }

    public static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
