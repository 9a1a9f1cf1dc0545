package example.readme;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** The README's settings file, saved by several processes: each with a temp file of its own. */
final class Settings {

    private Settings() {
    }

    static void save(Path root, String value) throws IOException {
        Path temp = Files.createTempFile(root, "settings", ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        Files.move(temp, root.resolve("settings"), StandardCopyOption.ATOMIC_MOVE);
    }

    static String load(Path root) throws IOException {
        try {
            return Files.readString(root.resolve("settings"));
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
