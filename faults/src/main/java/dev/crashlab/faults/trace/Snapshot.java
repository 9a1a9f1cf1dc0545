package dev.crashlab.faults.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The contents of a root directory at one moment: directories and files with their bytes, keyed by
 * '/'-separated paths relative to the root. Sorted, so two equal states print and hash the same.
 */
public final class Snapshot {

    private static final Snapshot EMPTY = new Snapshot(new TreeSet<>(), new TreeMap<>());

    private final SortedSet<String> directories;
    private final SortedMap<String, byte[]> files;

    public Snapshot(SortedSet<String> directories, SortedMap<String, byte[]> files) {
        this(directories, copyOf(files), true);
    }

    private Snapshot(SortedSet<String> directories, SortedMap<String, byte[]> files, boolean own) {
        this.directories = Collections.unmodifiableSortedSet(new TreeSet<>(directories));
        this.files = Collections.unmodifiableSortedMap(files);
    }

    /**
     * A snapshot of arrays nobody will modify again, taken without copying them: crash states are
     * built by the thousand from 1 MiB values, and a copy each was a fifth of a campaign's allocation.
     */
    public static Snapshot adopt(SortedSet<String> directories, SortedMap<String, byte[]> files) {
        return new Snapshot(directories, new TreeMap<>(files), true);
    }

    private static SortedMap<String, byte[]> copyOf(SortedMap<String, byte[]> files) {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((name, bytes) -> copy.put(name, bytes.clone()));
        return copy;
    }

    public static Snapshot empty() {
        return EMPTY;
    }

    /** Reads a directory tree (on any file system) into a snapshot. */
    public static Snapshot of(Path root) {
        SortedSet<String> dirs = new TreeSet<>();
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(root)) {
                    continue;
                }
                String rel = relative(root, p);
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    dirs.add(rel);
                } else if (Files.isRegularFile(p)) {
                    files.put(rel, Files.readAllBytes(p));
                }
                // else a dangling link, a FIFO or a socket: no contents to keep, and opening a FIFO blocks
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot snapshot " + root + ": " + e.getMessage(), e);
        }
        return new Snapshot(dirs, files);
    }

    /** The '/'-separated path of {@code p} relative to {@code root}. */
    public static String relative(Path root, Path p) {
        Path rel = root.relativize(p);
        StringBuilder out = new StringBuilder();
        for (Path part : rel) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part.toString());
        }
        return out.toString();
    }

    public SortedSet<String> directories() {
        return directories;
    }

    /** File name to contents; the arrays are the snapshot's own, do not modify them. */
    public SortedMap<String, byte[]> files() {
        return files;
    }

    /** Writes this snapshot under {@code root} (which must exist and be empty). */
    public void writeTo(Path root) throws IOException {
        for (String dir : directories) {
            Files.createDirectories(root.resolve(dir));
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path p = root.resolve(file.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, file.getValue());
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Snapshot other) || !directories.equals(other.directories)
                || !files.keySet().equals(other.files.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (!Arrays.equals(e.getValue(), other.files.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = directories.hashCode();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            h = 31 * h + e.getKey().hashCode() * 17 + Arrays.hashCode(e.getValue());
        }
        return h;
    }

    /** A short listing: each directory, and each file with its size. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        directories.forEach(d -> out.append(d).append("/\n"));
        files.forEach((name, bytes) -> out.append(name).append("  (").append(bytes.length).append(" bytes)\n"));
        return out.length() == 0 ? "(empty)" : out.toString();
    }
}
