package dev.crashlab.faults.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fresh root directories for runs, on the default file system so that directory fsyncs happen and
 * are recorded (Jimfs cannot open a directory), and on tmpfs where there is one so they cost
 * nothing. Each target's runs live under one base that is emptied after every workload.
 */
public final class Roots implements AutoCloseable {

    private static final Path SHM = Path.of("/dev/shm");
    private final Path base;
    private final AtomicLong next = new AtomicLong();

    public Roots(String label) {
        try {
            this.base = Files.createTempDirectory(parent(), "crashlab-" + label.replaceAll("[^A-Za-z0-9_-]", "_") + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run directory: " + e.getMessage(), e);
        }
    }

    /** Where every run's root directory is made: what a report names as the file system the check ran on. */
    public static Path parent() {
        return Files.isDirectory(SHM) && Files.isWritable(SHM) ? SHM : Path.of(System.getProperty("java.io.tmpdir"));
    }

    public Path fresh() {
        try {
            return Files.createDirectory(base.resolve("run-" + next.getAndIncrement()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every run directory made so far. */
    public void clean() {
        deleteBelow(base, false);
    }

    @Override
    public void close() {
        deleteBelow(base, true);
    }

    private static void deleteBelow(Path dir, boolean self) {
        try {
            deleteChildren(dir);
            if (self) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Depth first, without Files.walk's sorting (this runs after every workload); a link is deleted, never followed. */
    private static void deleteChildren(Path dir) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    deleteChildren(child);
                }
                Files.deleteIfExists(child);
            }
        } catch (NoSuchFileException e) {
            // removed already: nothing left below it
        }
    }
}
