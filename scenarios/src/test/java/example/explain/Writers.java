package example.explain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Small file-writing protocols as users write them, one vulnerability each (and the correct one). */
final class Writers {

    private Writers() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String read(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readString(file) : null;
    }

    static void write(Path file, String value, boolean fsync) throws IOException {
        GoldenWriters.write(file, value, fsync);
    }

    static void fsyncDirectory(Path dir) throws IOException {
        GoldenWriters.fsyncDirectory(dir);
    }

    /** Temp file, fsync, atomic rename, directory fsync. */
    static void atomic(Path dir, String value) throws IOException {
        write(dir.resolve("config.tmp"), value, true);
        Files.move(dir.resolve("config.tmp"), dir.resolve("config"), StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(dir);
    }

    /** The caller's bug, through a library that does its own part right: the temp file is never fsynced. */
    static void libraryRenameWithoutFileFsync(Path dir, String value) throws IOException {
        write(dir.resolve("config.tmp"), value, false);
        example.library.AtomicFiles.replace(dir.resolve("config.tmp"), dir.resolve("config"));
    }

    static void renameWithoutFileFsync(Path dir, String value) throws IOException {
        GoldenWriters.renameWithoutFileFsync(dir, value);
    }

    static void renameWithoutDirectoryFsync(Path dir, String value) throws IOException {
        write(dir.resolve("config.tmp"), value, true);
        Files.move(dir.resolve("config.tmp"), dir.resolve("config"), StandardCopyOption.ATOMIC_MOVE);
    }

    static void inPlace(Path dir, String value) throws IOException {
        write(dir.resolve("config"), value, true);
    }

    /** In place, in two writes: a crash between them leaves the first half. */
    static void inPlaceInHalves(Path dir, String value) throws IOException {
        try (FileChannel ch = FileChannel.open(dir.resolve("config"), StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(utf8(value.substring(0, value.length() / 2))));
            ch.write(ByteBuffer.wrap(utf8(value.substring(value.length() / 2))));
            ch.force(true);
        }
    }

    static void deleteThenRename(Path dir, String value) throws IOException {
        GoldenWriters.deleteThenRename(dir, value);
    }

    static void copyOver(Path dir, String value) throws IOException {
        write(dir.resolve("config.tmp"), value, true);
        Files.copy(dir.resolve("config.tmp"), dir.resolve("config"), StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(dir);
    }

    static void append(Path dir, String record) throws IOException {
        try (FileChannel ch = FileChannel.open(dir.resolve("log"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(utf8(record)));
        }
    }

    /** The data file unsynced, then the pointer naming it, replaced atomically and durably. */
    static void pointerBeforeData(Path dir, String value) throws IOException {
        write(dir.resolve("data"), value, false);
        write(dir.resolve("pointer.tmp"), "data", true);
        Files.move(dir.resolve("pointer.tmp"), dir.resolve("pointer"), StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(dir);
    }

    static String readThroughPointer(Path dir) throws IOException {
        String name = read(dir, "pointer");
        return name == null ? null : read(dir, name);
    }

    /** Two files that together make the value, each replaced atomically but one after the other. */
    static void twoFiles(Path dir, String value) throws IOException {
        write(dir.resolve("left.tmp"), value, true);
        Files.move(dir.resolve("left.tmp"), dir.resolve("left"), StandardCopyOption.ATOMIC_MOVE);
        write(dir.resolve("right.tmp"), value, true);
        Files.move(dir.resolve("right.tmp"), dir.resolve("right"), StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(dir);
    }

    static String readTwoFiles(Path dir) throws IOException {
        return read(dir, "left") + "|" + read(dir, "right");
    }

    /**
     * A database's update: the log kept open and appended to, the data file overwritten in place in
     * two writes between its records, never synced; the log's commit record is synced.
     */
    static void inPlaceBesideALog(Path dir, String value) throws IOException {
        try (FileChannel log = FileChannel.open(dir.resolve("wal"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            log.write(ByteBuffer.wrap(utf8("begin " + value + "\n")));
            log.force(true);
            try (FileChannel data = FileChannel.open(dir.resolve("config"), StandardOpenOption.WRITE)) {
                int half = value.length() / 2;
                data.write(ByteBuffer.wrap(utf8(value.substring(0, half))), 0);
                data.write(ByteBuffer.wrap(utf8(value.substring(half))), half);
            }
            log.write(ByteBuffer.wrap(utf8("commit\n")));
            log.force(true);
        }
    }
}
