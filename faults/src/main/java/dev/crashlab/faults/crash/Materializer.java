package dev.crashlab.faults.crash;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.crashlab.faults.trace.Snapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes crash states out as real directory trees for recovery code and checkers to open.
 *
 * <p>In memory, one Jimfs file system is reused and each state gets a fresh, empty root directory
 * in it, removed again when the state is closed. The name of a closed root is handed out again, so
 * a sequential campaign sees every state at the same path and can keep objects opened on it (a
 * store, say) from one state to the next. Reusing the file system matters: a Jimfs instance per
 * state would cut throughput by more than half (measured by the CrashStatesChecked benchmark).
 * On disk, each state gets a fresh temporary directory, for targets that need the default file
 * system. Not thread-safe: one materializer per thread.
 */
public final class Materializer implements AutoCloseable {

    private final FileSystem fileSystem;
    private final Path parent;
    /** Incremental on disk: the one directory every state is made in. */
    private final StateDirectory reused;
    private final Deque<Path> freeRoots = new ArrayDeque<>();
    private long next;

    private Materializer(FileSystem fileSystem, Path parent, boolean incremental) {
        this.fileSystem = fileSystem;
        this.parent = parent;
        try {
            Files.createDirectories(parent);
            this.reused = incremental ? new StateDirectory(Files.createTempDirectory(parent, "crash-state-")) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + parent, e);
        }
    }

    public static Materializer inMemory() {
        FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
        return new Materializer(fs, fs.getPath("/states"), false);
    }

    /** States as temporary directories under {@code parent} on the default file system. */
    public static Materializer onDisk(Path parent) {
        return new Materializer(null, parent, false);
    }

    /**
     * States one after another in one directory under {@code parent} on the default file system,
     * each made from the one before by writing only the files that differ (and putting back what
     * the reader changed): a state costs what changed since the previous one, not the whole
     * directory. Closing a state leaves it for the next; closing the materializer removes it.
     */
    public static Materializer incremental(Path parent) {
        return new Materializer(null, parent, true);
    }

    /**
     * A fresh directory holding exactly the state's files; close it when done with it. Each file
     * is written from the state's extents, so its bytes are copied once, into the file system.
     */
    public Materialized materialize(CrashState state) {
        Tree tree = state.tree();
        if (reused != null) {
            return become(tree.dirs(), tree.files(), tree.fileDigests());
        }
        return materialize(tree.dirs(), tree.files(), (out, extents) -> extents.writeTo(out));
    }

    public Materialized materialize(Snapshot contents) {
        if (reused != null) {
            TreeMap<String, Extents> files = new TreeMap<>();
            contents.files().forEach((name, bytes) -> files.put(name, Extents.of(bytes)));
            return become(contents.directories(), files, Map.of()); // no digests: every file is written
        }
        return materialize(contents.directories(), contents.files(), OutputStream::write);
    }

    private Materialized become(Set<String> dirs, SortedMap<String, Extents> files, Map<String, byte[]> digests) {
        try {
            reused.become(dirs instanceof SortedSet<String> sorted ? sorted : new TreeSet<>(dirs), files, digests);
            return new Materialized(reused.root(), null, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot materialize a crash state under " + parent, e);
        }
    }

    private interface Content<T> {
        void writeTo(OutputStream out, T content) throws IOException;
    }

    private <T> Materialized materialize(Set<String> dirs, Map<String, T> files, Content<T> content) {
        try {
            Path root = fileSystem == null ? Files.createTempDirectory(parent, "crash-state-")
                    : Files.createDirectory(freeRoots.isEmpty() ? parent.resolve("s" + next++) : freeRoots.pop());
            for (String dir : dirs) {
                Files.createDirectories(root.resolve(dir));
            }
            for (Map.Entry<String, T> file : files.entrySet()) {
                Path path = root.resolve(file.getKey());
                if (file.getKey().indexOf('/') >= 0) {
                    // a hand-made snapshot may list a file without its directories
                    Files.createDirectories(path.getParent());
                }
                try (OutputStream out = Files.newOutputStream(path)) {
                    content.writeTo(out, file.getValue());
                }
            }
            return new Materialized(root, fileSystem == null ? null : freeRoots::push);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot materialize a crash state under " + parent, e);
        }
    }

    /** Depth-first delete without Files.walk's sorting and streams: this runs once per state. */
    static void deleteTree(Path root) throws IOException {
        if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
                for (Path child : children) {
                    deleteTree(child);
                }
            }
        }
        Files.delete(root);
    }

    @Override
    public void close() throws IOException {
        if (fileSystem != null) {
            fileSystem.close();
        }
        if (reused != null) {
            reused.delete();
        }
    }
}
