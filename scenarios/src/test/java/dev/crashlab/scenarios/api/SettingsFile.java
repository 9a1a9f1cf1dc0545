package dev.crashlab.scenarios.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Stands in for a third-party library that keeps one settings file: the harness sees only its
 * file I/O. Two ways to save, one safe and one not; the reader returns null when there is no file.
 */
public final class SettingsFile {

    public static final String NAME = "settings.properties";

    private SettingsFile() {
    }

    /** Truncates the file and writes the new text over it: readers and crashes can see it half done. */
    public static void saveInPlace(Path dir, String text) throws IOException {
        Files.writeString(dir.resolve(NAME), text);
    }

    /** Temp file beside it, fsync, atomic rename, directory fsync; no fallback where ATOMIC_MOVE is refused. */
    public static void saveAtomically(Path dir, String text) throws IOException {
        Path temp = dir.resolve(NAME + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        Files.move(temp, dir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    public static String load(Path dir) throws IOException {
        try {
            return Files.readString(dir.resolve(NAME));
        } catch (NoSuchFileException absent) {
            return null;
        }
    }
}
