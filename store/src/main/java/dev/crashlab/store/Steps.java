package dev.crashlab.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The protocol steps the publishers share, each named, so an I/O error says which step failed.
 * Errors other than IOException (a simulated crash among them) pass through untouched.
 */
final class Steps {

    private static final System.Logger LOG = System.getLogger("dev.crashlab.store");

    private final SecureRandom random = new SecureRandom();
    /** File-system types already reported as unable to fsync a directory: said once per type, not per store. */
    private static final java.util.Set<String> REPORTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final AtomicBoolean directorySyncUnsupported = new AtomicBoolean();
    private final StepHook hook;

    Steps(StepHook hook) {
        this.hook = hook;
    }

    interface Action<T> {
        T run() throws IOException;
    }

    <T> T step(String name, Path file, Put<?> put, Action<T> action) throws IOException {
        try {
            hook.before(name, file);
            return action.run();
        } catch (StoreException e) {
            throw e;
        } catch (IOException e) {
            throw new PutFailedException(name, file, put, e);
        }
    }

    /** An unpredictable temp name beside {@code dir}'s entries; readers never open names like it. */
    Path tempFileName(Path dir, String hash) {
        byte[] nonce = new byte[8];
        random.nextBytes(nonce);
        return dir.resolve("." + hash + "." + HexFormat.of().formatHex(nonce) + ".tmp");
    }

    /**
     * Creates {@code temp} exclusively (owner-only where POSIX), writes {@code bytes}, fsyncs if
     * asked, and closes it as a step of its own: a close can report a write-back error, and it must
     * name the step and the file like any other.
     */
    void writeNewFile(Path temp, ByteBuffer bytes, boolean sync, Put<?> put) throws IOException {
        FileChannel ch = step("create temp file", temp, put, () -> openExclusive(temp));
        try {
            step("write temp file", temp, put, () -> writeFully(ch, bytes));
            if (sync) {
                step("fsync temp file", temp, put, () -> {
                    ch.force(true);
                    return null;
                });
            }
        } catch (Throwable t) {
            closeAfter(ch, t);
            if (t instanceof IOException) {
                deleteQuietly(temp);
            }
            throw t;
        }
        try {
            step("close temp file", temp, put, () -> {
                ch.close();
                return null;
            });
        } catch (IOException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** Closes a channel on the way out of a failure; a second failure is kept with the first. */
    static void closeAfter(FileChannel ch, Throwable first) {
        try {
            ch.close();
        } catch (Throwable second) {
            first.addSuppressed(second);
        }
    }

    static Void writeFully(FileChannel ch, ByteBuffer bytes) throws IOException {
        ByteBuffer buf = bytes.duplicate(); // the caller's buffer stays whole for a put that looks again
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        return null;
    }

    /** Owner-only permissions where the file system is POSIX: a cache entry is nobody else's business. */
    static FileAttribute<?>[] ownerOnly(Path p) {
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return OWNER_ONLY.clone();
        }
        return new FileAttribute<?>[0];
    }

    /** CREATE_NEW: two writers can never share a temp file, and a leftover one is never reused. */
    static FileChannel openExclusive(Path p) throws IOException {
        return FileChannel.open(p, java.util.EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                ownerOnly(p));
    }

    /**
     * fsync of a directory, so the renames in it survive a power failure. Some file systems cannot
     * open a directory (Jimfs); there the step is skipped and the store says so once.
     */
    void syncDirectory(Path dir, Put<?> put) throws IOException {
        if (directorySyncUnsupported.get()) {
            return;
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            directorySyncUnsupported.set(true);
            if (REPORTED.add(dir.getFileSystem().provider().getClass().getName())) {
                LOG.log(System.Logger.Level.WARNING, "Cannot open directory " + dir + " to fsync it (" + e
                        + "); on this file system FILE_AND_DIRECTORY cannot make renames durable and acts as FILE.");
            }
            return;
        }
        try {
            step("fsync directory", dir, put, () -> {
                ch.force(true);
                return null;
            });
        } catch (Throwable t) {
            closeAfter(ch, t);
            throw t;
        }
        step("close directory", dir, put, () -> {
            ch.close();
            return null;
        });
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a leftover temp file is invisible to readers and removed by the cleanup
        }
    }

    /*
     * Parsed once: the attribute's value is an unmodifiable copy, so every put may pass the same one.
     * At the end of the class, so that the steps' source lines, which counterexamples cite, stay put.
     */
    private static final FileAttribute<?>[] OWNER_ONLY =
            {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
}
