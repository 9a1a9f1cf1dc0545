package dev.crashlab.faults.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A directory for an idiom's files outside its root, on another file system when the machine has
 * a writable tmpfs at /dev/shm that is not the root's (then a move into the root really crosses
 * devices: rename(2) fails with EXDEV and the JDK copies), else next to the root. Derived from the
 * root's path, so setUp and body find the same one, and every idiom of one base shares a parent
 * that {@link #clean} removes.
 */
final class Elsewhere {

    private static final Path TMPFS = Path.of("/dev/shm");

    private Elsewhere() {
    }

    static Path of(Path root) throws IOException {
        Path dir = parent(root.getParent()).resolve(root.getFileName().toString());
        return Files.createDirectories(dir);
    }

    /** Whether idioms under {@code base} really move across devices (a tmpfs is there), or only out of the root. */
    static boolean crossesDevices(Path base) {
        return parent(base).startsWith(TMPFS);
    }

    static void clean(Path base) {
        Path parent = parent(base);
        if (!Files.exists(parent)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(parent)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + parent, e);
        }
    }

    private static Path parent(Path base) {
        String name = "crashlab-oracle-" + Integer.toHexString(base.toAbsolutePath().toString().hashCode());
        try {
            if (Files.isDirectory(TMPFS) && Files.isWritable(TMPFS)
                    && !Files.getFileStore(TMPFS).equals(Files.getFileStore(base))) {
                return TMPFS.resolve(name);
            }
        } catch (IOException e) {
            // no usable tmpfs: stay on the root's file system
        }
        return base.resolveSibling(base.getFileName() + "-" + name);
    }
}
