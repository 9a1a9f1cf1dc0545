package dev.crashlab.faults.crash;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * One directory on disk that becomes each crash state in turn, by changing only what differs from
 * the state before: a file whose digest is the same is left alone, so a state costs what changed
 * since the previous one, not the whole directory. Consecutive states of an exploration differ by a
 * few operations, while writing out and deleting a directory of n files per state made a check of n
 * files cost n squared.
 *
 * <p>What was left must still be what was written: the reader (and its recovery) ran on it. Each
 * file and directory written here gets a modification time of its own in the past, a stamp; a
 * write, truncation, creation, rename or removal by anyone else sets the time to now, which no stamp
 * is. Before each state every stamp is checked (one stat per file: far less than the reader's own
 * reading of it) and whatever changed is put back from the state. A reader that sets a file's time
 * to exactly its stamp would go unseen; nothing does that by accident.
 */
final class StateDirectory {

    /**
     * A file as written here: its digest (null: unknown, always rewritten), its size, its stamp, and
     * its extents, from which the next state's version of it is told apart where it differs.
     */
    private record Written(byte[] digest, long size, FileTime stamp, Extents content) {
    }

    private final Path root;
    private final Map<String, Written> files = new HashMap<>();
    /** Directories under the root (relative) and the root itself (""), with their stamps. */
    private final Map<String, FileTime> dirs = new HashMap<>();
    /** Stamps count up from a day before this directory was made: always in the past, each distinct. */
    private long nextStamp;

    StateDirectory(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root);
        nextStamp = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()) - TimeUnit.DAYS.toNanos(1);
        dirs.put("", stamp(root));
    }

    Path root() {
        return root;
    }

    /** The directory now holds exactly these directories and files (relative, '/'-separated). */
    void become(SortedSet<String> wantedDirs, SortedMap<String, Extents> wantedFiles, Map<String, byte[]> digests)
            throws IOException {
        putBackWhatOthersChanged();
        Set<String> touched = new HashSet<>();
        // Files that go or change first: a name may turn from a file into a directory.
        for (Iterator<Map.Entry<String, Written>> it = files.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Written> f = it.next();
            Extents wanted = wantedFiles.get(f.getKey());
            byte[] digest = digests.get(f.getKey());
            if (wanted == null) {
                Files.delete(root.resolve(f.getKey()));
                touched.add(parent(f.getKey()));
                it.remove();
            } else if (digest == null || f.getValue().digest() == null
                    || !Arrays.equals(digest, f.getValue().digest()) || wanted.size() != f.getValue().size()) {
                f.setValue(rewrite(f.getKey(), f.getValue().content(), wanted, digest));
            }
        }
        Set<String> allWanted = allDirs(wantedDirs, wantedFiles.keySet());
        List<String> goneDirs = new ArrayList<>();
        for (String d : dirs.keySet()) {
            if (!d.isEmpty() && !allWanted.contains(d)) {
                goneDirs.add(d);
            }
        }
        goneDirs.sort((a, b) -> b.length() - a.length()); // children first
        for (String d : goneDirs) {
            Materializer.deleteTree(root.resolve(d));
            dirs.remove(d);
            touched.add(parent(d));
        }
        for (String d : new TreeSet<>(allWanted)) {
            if (!dirs.containsKey(d)) {
                Files.createDirectory(root.resolve(d)); // sorted: parents come first
                dirs.put(d, null);
                touched.add(d);
                touched.add(parent(d));
            }
        }
        for (Map.Entry<String, Extents> f : wantedFiles.entrySet()) {
            if (!files.containsKey(f.getKey())) {
                Path path = root.resolve(f.getKey());
                try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    f.getValue().writeTo(out);
                }
                files.put(f.getKey(), new Written(digests.get(f.getKey()), f.getValue().size(), stamp(path), f.getValue()));
                touched.add(parent(f.getKey()));
            }
        }
        for (String d : touched) {
            if (dirs.containsKey(d)) {
                dirs.put(d, stamp(d.isEmpty() ? root : root.resolve(d)));
            }
        }
    }

    /**
     * The file, as this directory last wrote it ({@code old}), now holds {@code wanted}: only the
     * bytes from where the two stop sharing extents are written, and the file cut there first when
     * it shrinks. A log's consecutive states differ in their last records; rewriting the whole log
     * per state made a check of n records cost n squared in writes.
     */
    private Written rewrite(String name, Extents old, Extents wanted, byte[] digest) throws IOException {
        Path path = root.resolve(name);
        long same = old.samePrefix(wanted);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            ch.truncate(same);
            ch.position(same);
            OutputStream out = Channels.newOutputStream(ch);
            wanted.writeTo(out, same);
            out.flush();
        }
        return new Written(digest, wanted.size(), stamp(path), wanted);
    }

    /**
     * Whatever the reader or its recovery changed since the last state: a file whose size or time is
     * not what was written is removed (and written again by the diff), as is anything in a directory
     * whose entries changed that the last state did not hold there.
     */
    private void putBackWhatOthersChanged() throws IOException {
        for (Iterator<Map.Entry<String, Written>> it = files.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Written> f = it.next();
            BasicFileAttributes a = attributes(root.resolve(f.getKey()));
            if (a == null || !a.isRegularFile() || a.size() != f.getValue().size()
                    || !a.lastModifiedTime().equals(f.getValue().stamp())) {
                if (a != null) {
                    Materializer.deleteTree(root.resolve(f.getKey()));
                }
                it.remove();
            }
        }
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, FileTime> d : dirs.entrySet()) {
            BasicFileAttributes a = attributes(d.getKey().isEmpty() ? root : root.resolve(d.getKey()));
            if (a == null || !a.isDirectory() || !a.lastModifiedTime().equals(d.getValue())) {
                changed.add(d.getKey());
            }
        }
        changed.sort(null); // parents first: a parent put back may have removed a child already
        for (String d : changed) {
            if (!dirs.containsKey(d)) {
                continue;
            }
            Path dir = d.isEmpty() ? root : root.resolve(d);
            BasicFileAttributes a = attributes(dir);
            if (a == null || !a.isDirectory()) {
                if (a != null) {
                    Materializer.deleteTree(dir);
                }
                forget(d);
                continue;
            }
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
                for (Path child : children) {
                    String name = d.isEmpty() ? child.getFileName().toString() : d + "/" + child.getFileName();
                    if (!files.containsKey(name) && !dirs.containsKey(name)) {
                        Materializer.deleteTree(child); // a file the reader made, or one it broke
                    }
                }
            }
            dirs.put(d, stamp(dir));
        }
    }

    /** Drops a directory the reader removed, and all it held, from what is known to be on disk. */
    private void forget(String dir) {
        String prefix = dir + "/";
        dirs.keySet().removeIf(d -> d.equals(dir) || d.startsWith(prefix));
        files.keySet().removeIf(f -> f.startsWith(prefix));
        if (dir.isEmpty()) {
            files.clear();
        }
    }

    private FileTime stamp(Path path) throws IOException {
        FileTime stamp = FileTime.from(nextStamp++, TimeUnit.NANOSECONDS);
        Files.setLastModifiedTime(path, stamp);
        // What the file system kept: one with coarser times rounds it, and that is what a check compares.
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).lastModifiedTime();
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The wanted directories and every parent of a wanted file or directory. */
    private static Set<String> allDirs(Set<String> wantedDirs, Set<String> wantedFiles) {
        Set<String> all = new HashSet<>();
        for (String d : wantedDirs) {
            for (String p = d; !p.isEmpty(); p = parent(p)) {
                all.add(p);
            }
        }
        for (String f : wantedFiles) {
            for (String p = parent(f); !p.isEmpty(); p = parent(p)) {
                all.add(p);
            }
        }
        return all;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Removes the directory and everything in it. */
    void delete() throws IOException {
        if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            Materializer.deleteTree(root);
        }
    }
}
