package dev.crashlab.store;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Temp file, then rename: the reference protocol, and the seeded bugs that differ from it in one
 * respect only (where the temp lives, how it is moved, which fsyncs happen, a delete before the
 * rename). Keeping them in one class makes that one difference plain.
 */
final class RenamePublisher implements Publisher {

    private static final CopyOption[] ATOMIC = {StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING};
    private static final CopyOption[] PLAIN = {StandardCopyOption.REPLACE_EXISTING};

    private final Steps steps;
    private final Path tempDirectory;
    private final boolean atomicMove;
    private final boolean syncFile;
    private final boolean syncDirectory;
    private final boolean unlinkFirst;
    /** Cleared the first time the file system refuses a hard link (so a store on it falls back to rename). */
    private volatile boolean linksSupported = true;
    private final Replacement replacement;
    private final long maxValueBytes;

    RenamePublisher(Steps steps, Path tempDirectory, boolean atomicMove, boolean syncFile, boolean syncDirectory,
                    boolean unlinkFirst, long maxValueBytes) {
        this.steps = steps;
        this.replacement = new Replacement(steps);
        this.maxValueBytes = maxValueBytes;
        this.tempDirectory = tempDirectory;
        this.atomicMove = atomicMove;
        this.syncFile = syncFile;
        this.syncDirectory = syncDirectory;
        this.unlinkFirst = unlinkFirst;
    }

    @Override
    public void publish(Put<?> put) throws IOException {
        publishAll(List.of(put));
    }

    /** Group commit: every temp written and fsynced, then every rename, then one directory fsync. */
    @Override
    public void publishAll(List<Put<?>> puts) throws IOException {
        List<Path> temps = new ArrayList<>(puts.size());
        try {
            for (Put<?> put : puts) {
                var bytes = put.entryBytes();
                Path temp = steps.tempFileName(tempDirectory(put), put.hash);
                steps.writeNewFile(temp, bytes, syncFile, put);
                temps.add(temp);
            }
            for (int i = 0; i < puts.size(); i++) {
                rename(puts.get(i), temps.get(i));
            }
        } catch (IOException e) {
            temps.forEach(Steps::deleteQuietly);
            throw e;
        }
        if (syncDirectory && !puts.isEmpty()) {
            steps.syncDirectory(puts.get(0).directory, puts.get(0));
        }
    }

    private Path tempDirectory(Put<?> put) throws IOException {
        if (tempDirectory == null) {
            return put.directory;
        }
        Files.createDirectories(tempDirectory);
        return tempDirectory;
    }

    private void rename(Put<?> put, Path temp) throws IOException {
        if (unlinkFirst) {
            steps.step("delete old entry", put.entry, put, () -> Files.deleteIfExists(put.entry));
        }
        if (atomicMove && !unlinkFirst && linksSupported) {
            try {
                if (put.replacesInvalid) {
                    replacement.replace(put, temp, EntryFormat.fileSize(put.keyBytes.length, maxValueBytes));
                } else {
                    replacement.awaitNoReplacer(put);
                    if (!linkInto(steps, put, temp)) {
                        Steps.deleteQuietly(temp);
                        throw new LostRace(put.entry);
                    }
                }
                return;
            } catch (UnsupportedOperationException noLinks) {
                linksSupported = false;
            }
        }
        steps.step("rename temp file into place", put.entry, put,
                () -> Files.move(temp, put.entry, atomicMove ? ATOMIC : PLAIN));
        put.published = true;
    }

    /**
     * Publishes a new entry by hard link, which unlike rename never replaces: a second writer that
     * published the key since this put looked finds its entry kept, and this put learns it lost
     * (false). Throws UnsupportedOperationException where the file system has no hard links; the
     * rename that follows then replaces whatever a racing writer published, as before. Once linked,
     * the entry is published whatever happens to the temp name: a cleanup that already removed it is
     * no failure.
     */
    static boolean linkInto(Steps steps, Put<?> put, Path temp) throws IOException {
        boolean linked = steps.step("link temp file into place", put.entry, put, () -> {
            try {
                Files.createLink(put.entry, temp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        });
        if (!linked) {
            return false;
        }
        put.published = true;
        steps.step("delete temp file", temp, put, () -> Files.deleteIfExists(temp));
        return true;
    }

    /** Another writer published the key between this put's look and its link; the store looks again. */
    static final class LostRace extends IOException {
        LostRace(Path entry) {
            super("another writer published " + entry + " first", null);
        }
    }

    @Override
    public boolean refusesToReplace() {
        return atomicMove && !unlinkFirst && linksSupported;
    }

    @Override
    public boolean checksExisting() {
        return !unlinkFirst;
    }
}
