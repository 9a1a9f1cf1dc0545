package dev.crashlab.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads an entry file and says what it found: nothing, the entry, an invalid file, another key.
 *
 * <p>The file's type is looked at first, without following links, and only a regular file is
 * opened, with no-follow: a symbolic link (dangling, looping, to /dev/zero or to a file outside the
 * store), a FIFO (whose open blocks until a writer comes), a device or a directory is an invalid
 * entry, never followed and never opened. The size is checked before anything is read, and the read
 * stops one byte past the limit, so a huge or growing file never makes the store allocate it.
 * An entry's value is read straight into the array the caller gets (a 1 MiB value is not read
 * into a whole-file array first and copied out), and a value torn or bit-flipped is judged from
 * those pieces; any other file, or one whose size changes while it is read, is read again whole
 * from the same handle and judged as a whole, so every error and message is what a reader of the
 * whole file would give.
 * What remains: a file swapped for a FIFO between the look and the open (a hostile process in the
 * store's directory, which could as well delete every entry) would block that open.
 */
final class EntryReader {

    /**
     * What is at an entry's place. Exactly one of {@code value}, {@code sameValue} and
     * {@code error} is set unless absent; {@code fileKey} identifies the file read (null where the
     * file system has none); {@code directory} marks the one invalid entry a put never replaces.
     * {@code sameValue} answers a read given an expected value: a valid entry, holding exactly that
     * value or not, its value not kept.
     */
    record Found(byte[] value, Boolean sameValue, StoreException error, Object fileKey, boolean directory) {
        static final Found ABSENT = new Found(null, null, null, null, false);

        Found(byte[] value, StoreException error, Object fileKey, boolean directory) {
            this(value, null, error, fileKey, directory);
        }

        boolean absent() {
            return value == null && sameValue == null && error == null;
        }

        boolean invalid() {
            return error instanceof InvalidEntryException;
        }
    }

    private static final int RETRIES = 3;

    private EntryReader() {
    }

    /** Treats "no such file" as absent: the reference reader. {@code maxFileBytes} bounds what is read. */
    static Found read(Path file, String key, byte[] keyBytes, long maxFileBytes) throws IOException {
        return read(file, key, keyBytes, maxFileBytes, false, null);
    }

    /**
     * As {@link #read}, but a valid entry's value is compared with {@code expected} instead of
     * kept (see {@link Found#sameValue}); a null {@code expected} keeps it.
     */
    static Found read(Path file, String key, byte[] keyBytes, long maxFileBytes, EntryFormat.Expected expected)
            throws IOException {
        return read(file, key, keyBytes, maxFileBytes, false, expected);
    }

    /**
     * True when a look finds nothing at {@code file}, told without the exception that
     * {@link #read} pays for a missing file (on JDK 17 that costs three times the system call).
     * Follows links: a dangling or looping link, or a directory the store may not search, also
     * answers true, so a caller must treat true as "probably absent" and let a publish that
     * refuses to replace find out. False off the default file system, where no call is cheaper.
     */
    static boolean nothingVisibleAt(Path file) {
        return file.getFileSystem() == FileSystems.getDefault() && !Files.exists(file);
    }

    /** Seeded bug exists-then-open: a deleter between the two calls makes this throw NoSuchFileException. */
    static Found existsThenOpen(Path file, String key, byte[] keyBytes, long maxFileBytes) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Found.ABSENT;
        }
        return read(file, key, keyBytes, maxFileBytes, true, null);
    }

    private static Found read(Path file, String key, byte[] keyBytes, long maxFileBytes, boolean vanishedIsError,
                              EntryFormat.Expected expected) throws IOException {
        for (int attempt = 0; ; attempt++) {
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                if (vanishedIsError) {
                    throw e;
                }
                return Found.ABSENT;
            } catch (IOException e) {
                throw failed(file, key, e);
            }
            if (!a.isRegularFile()) {
                return notRegular(file, key, a);
            }
            if (a.size() > maxFileBytes) {
                return tooLarge(file, key, a.size() + " bytes", maxFileBytes);
            }
            Contents contents;
            try {
                contents = readEntry(file, keyBytes.length, maxFileBytes, expected);
            } catch (NoSuchFileException e) {
                if (vanishedIsError) {
                    throw e;
                }
                return Found.ABSENT; // deleted since the look: absent is what a reader a moment later sees
            } catch (FileSystemException e) {
                if (attempt < RETRIES) {
                    continue; // replaced by a link or a directory since the look (no-follow refused it): look again
                }
                throw failed(file, key, e);
            } catch (IOException e) {
                throw failed(file, key, e);
            }
            if (contents == null) {
                return tooLarge(file, key, "growing past the limit while read", maxFileBytes);
            }
            Found judged = contents.entry() != null ? judge(file, key, keyBytes, contents.entry())
                    : contents.damage() != null ? invalid(file, key, contents.damage())
                    : judge(file, key, keyBytes, contents.bytes());
            return new Found(judged.value(), judged.sameValue(), judged.error(), a.fileKey(), false);
        }
    }

    /**
     * What a read of an entry file got: exactly one of the entry, well formed; what is wrong with a
     * value that does not match its trailer, or with a file that is no entry at all; or else all of
     * the file's bytes.
     */
    private record Contents(EntryFormat.Entry entry, EntryFormat.FormatException damage, byte[] bytes) {
    }

    /**
     * The entry, its value read straight into an array of its own, so a 1 MiB value is never copied
     * out of a whole-file array; what is wrong with a value that does not match its trailer; or,
     * when the file is anything else (another header, a key of other than {@code keyLength} bytes, a
     * size that changed while read), all of its bytes read again from the start, for
     * {@link EntryFormat#decode} to say what is wrong exactly as if it had read them first, unless
     * they do not start with an entry's header (a zero-filled or foreign file), which is judged a
     * piece at a time. Null if the file holds more than {@code max}.
     */
    private static Contents readEntry(Path file, int keyLength, long max, EntryFormat.Expected expected)
            throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            if (size > max) {
                return null;
            }
            try {
                EntryFormat.Entry entry = EntryFormat.read(ch, size, keyLength, expected);
                if (entry != null) {
                    return new Contents(entry, null, null);
                }
            } catch (EntryFormat.FormatException torn) {
                return new Contents(null, torn, null);
            }
            EntryFormat.FormatException foreign = EntryFormat.readForeign(ch.position(0), size);
            if (foreign != null) {
                return new Contents(null, foreign, null);
            }
            byte[] bytes = readAtMost(ch.position(0), max);
            return bytes == null ? null : new Contents(null, null, bytes);
        }
    }

    /**
     * A small file's bytes, null when there is no file; an empty array for anything but a regular
     * file of at most {@code max} bytes. Never follows a link, never opens a FIFO.
     */
    static byte[] readSmall(Path file, int max) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile() || a.size() > max) {
                return new byte[0];
            }
            byte[] bytes = readAtMost(file, max);
            return bytes == null ? new byte[0] : bytes;
        } catch (NoSuchFileException e) {
            return null;
        } catch (FileSystemException e) {
            return new byte[0];
        }
    }

    /**
     * The file's bytes, or null if it holds more than {@code max}. Reads into an array of the size
     * the file has when opened, with no copy: crash states are read by the hundred thousand, many
     * of them holding 1 MiB entries. A file still growing is read on, up to the limit.
     */
    private static byte[] readAtMost(Path file, long max) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return readAtMost(ch, max);
        }
    }

    /** The bytes from {@code ch}'s position to its end, or null if they are more than {@code max}. */
    private static byte[] readAtMost(SeekableByteChannel ch, long max) throws IOException {
        long size = ch.size();
        if (size > max) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                return Arrays.copyOf(buf.array(), buf.position()); // shrank since opened
            }
        }
        // One byte tells end of file from a file still growing; a larger probe cost a zeroed
        // 64 KiB array per read, more than reading a 4 KiB entry itself.
        ByteBuffer more = ByteBuffer.allocate(1);
        if (ch.read(more) < 0) {
            return buf.array();
        }
        return readGrowing(ch, buf.flip(), more.flip(), max);
    }

    /** The rare file that grew while read: the rest, up to the limit. */
    private static byte[] readGrowing(SeekableByteChannel ch, ByteBuffer head, ByteBuffer more, long max) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.write(head.array(), 0, head.limit());
        all.write(more.array(), 0, more.limit());
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        while (all.size() <= max) {
            chunk.clear();
            if (ch.read(chunk) < 0) {
                return all.toByteArray();
            }
            all.write(chunk.array(), 0, chunk.position());
        }
        return null;
    }

    private static Found notRegular(Path file, String key, BasicFileAttributes a) {
        String problem;
        if (a.isSymbolicLink()) {
            problem = "it is a symbolic link" + linkTarget(file) + ", and the store never follows links at an entry's path";
        } else if (a.isDirectory()) {
            InvalidEntryException e = new InvalidEntryException(file, Keys.describe(key),
                    "it is a directory, which is not the store's: a put never removes one",
                    "move or delete the directory " + file + " (after checking what it holds), then put the key again", null);
            return new Found(null, e, a.fileKey(), true);
        } else {
            problem = "it is not a regular file (a FIFO, a socket or a device), and the store never opens one";
        }
        return new Found(null, new InvalidEntryException(file, Keys.describe(key), problem, null), a.fileKey(), false);
    }

    private static String linkTarget(Path file) {
        try {
            return " (to " + Files.readSymbolicLink(file) + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    private static Found tooLarge(Path file, String key, String size, long maxFileBytes) {
        return new Found(null, new InvalidEntryException(file, Keys.describe(key), "it is larger than the store reads ("
                + size + ", over " + maxFileBytes + " bytes for this key at the store's maxValueBytes); it was not read."
                + " If the entry is trusted, raise WriteOnceStore.Builder.maxValueBytes", null), null, false);
    }

    private static StoreException failed(Path file, String key, IOException e) {
        return new StoreException("Reading entry file " + file + " for key " + Keys.describe(key) + " failed: " + e
                + ". " + Failures.advice(e), file, e);
    }

    static Found judge(Path file, String key, byte[] keyBytes, byte[] bytes) {
        EntryFormat.Entry entry;
        try {
            entry = EntryFormat.decode(bytes);
        } catch (EntryFormat.FormatException e) {
            return invalid(file, key, e);
        }
        return judge(file, key, keyBytes, entry);
    }

    private static Found invalid(Path file, String key, EntryFormat.FormatException e) {
        return new Found(null, new InvalidEntryException(file, Keys.describe(key), e.getMessage(), null), null, false);
    }

    /** A well-formed entry's verdict: its value, or a collision when it holds another key. */
    private static Found judge(Path file, String key, byte[] keyBytes, EntryFormat.Entry entry) {
        if (!Arrays.equals(entry.key(), keyBytes)) {
            String stored = Keys.describe(new String(entry.key(), StandardCharsets.UTF_8));
            return new Found(null, new KeyCollisionException(file, Keys.describe(key), stored), null, false);
        }
        return new Found(entry.value(), entry.value() == null ? entry.sameValue() : null, null, null, false);
    }
}
