package dev.crashlab.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where a benchmark keeps its files. The {@code fs} parameter picks the medium: "disk" (the
 * directory in system property {@value #DISK_PROPERTY}, default {@code target/bench-data}) or
 * "tmpfs" ({@value #TMPFS_PROPERTY}, default /dev/shm). tmpfs has no device behind it, so an fsync
 * there costs only the system call: the difference between the two is what the disk charges.
 */
final class BenchDirs {

    public static final String DISK_PROPERTY = "crashlab.bench.disk";
    public static final String TMPFS_PROPERTY = "crashlab.bench.tmpfs";
    public static final Path DEFAULT_TMPFS = Path.of("/dev/shm/crashlab-bench");

    private BenchDirs() {
    }

    /** A fresh, empty directory for one trial, so no benchmark inherits another's files. */
    public static Path fresh(String fs, String name) {
        try {
            Path base = base(fs);
            Files.createDirectories(base);
            return Files.createTempDirectory(base, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path base(String fs) {
        return switch (fs) {
            case "disk" -> Path.of(System.getProperty(DISK_PROPERTY, "target/bench-data"));
            case "tmpfs" -> Path.of(System.getProperty(TMPFS_PROPERTY, DEFAULT_TMPFS.toString()));
            default -> throw new IllegalArgumentException("fs must be disk or tmpfs, not " + fs);
        };
    }

    /** Whether this machine has a tmpfs to compare against. */
    public static boolean tmpfsAvailable() {
        return Files.isDirectory(DEFAULT_TMPFS.getParent());
    }

    /** Deletes the trial's directory and everything in it. */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every file directly in {@code dir}, keeping the directory. */
    public static void empty(Path dir) {
        try (var files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes back every dirty page of the machine (sync(1)), so that a benchmark does not pay for
     * the page cache a previous NONE benchmark filled. Best effort: without sync(1) it does nothing.
     */
    public static void syncAll() {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        } catch (IOException e) {
            // no sync(1) here: the next fsyncs may then include someone else's writeback
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
