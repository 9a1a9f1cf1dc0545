package example.explain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The writers whose findings the golden files keep, apart from the other test writers: their line
 * numbers are in the expected output, so this file changes only with the golden files.
 */
final class GoldenWriters {

    private GoldenWriters() {
    }

    static void write(Path file, String value, boolean fsync) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
            if (fsync) {
                ch.force(true);
            }
        }
    }

    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir)) {
            d.force(true);
        }
    }

    static void renameWithoutFileFsync(Path dir, String value) throws IOException {
        write(dir.resolve("config.tmp"), value, false);
        Files.move(dir.resolve("config.tmp"), dir.resolve("config"), StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(dir);
    }

    static void deleteThenRename(Path dir, String value) throws IOException {
        write(dir.resolve("config.tmp"), value, true);
        Files.deleteIfExists(dir.resolve("config"));
        Files.move(dir.resolve("config.tmp"), dir.resolve("config"), StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(dir);
    }

    /** A correct writer that holds its engine's in-process lock while it publishes, as an embedded database does. */
    static void underEngineLock(Path dir, String value, java.util.concurrent.locks.Lock engine) throws IOException {
        engine.lock();
        try {
            write(dir.resolve("config.tmp"), value, true);
            Files.move(dir.resolve("config.tmp"), dir.resolve("config"), StandardCopyOption.ATOMIC_MOVE);
            fsyncDirectory(dir);
        } finally {
            engine.unlock();
        }
    }

    /** A reader that refuses to wait: the engine is busy, so it fails, as "database is locked" does. */
    static String readUnlessLocked(Path dir, java.util.concurrent.locks.Lock engine) throws IOException {
        if (!engine.tryLock()) {
            throw new IOException("the engine is locked by another user");
        }
        try {
            return Writers.read(dir, "config");
        } finally {
            engine.unlock();
        }
    }

    /** Written through a temp file of the name given, then renamed into place. */
    static void saveThrough(Path dir, String value, String temp) throws IOException {
        write(dir.resolve(temp), value, true);
        Files.move(dir.resolve(temp), dir.resolve("config"), StandardCopyOption.ATOMIC_MOVE);
    }
}
