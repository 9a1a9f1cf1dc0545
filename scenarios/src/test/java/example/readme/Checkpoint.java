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

/** The README's checkpoint: a temp file beside it, fsynced, renamed over it, the directory fsynced. */
final class Checkpoint {

    private Checkpoint() {
    }

    static void write(Path root, String value) throws IOException {
        write(root, value, true);
    }

    /** Without the directory's fsync the rename can be lost to a power failure: no G3 there. */
    static void writeWithoutDirectoryFsync(Path root, String value) throws IOException {
        write(root, value, false);
    }

    private static void write(Path root, String value, boolean syncDirectory) throws IOException {
        Path temp = root.resolve("checkpoint.tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        Files.move(temp, root.resolve("checkpoint"), StandardCopyOption.ATOMIC_MOVE);
        if (syncDirectory) {
            try (FileChannel dir = FileChannel.open(root)) {
                dir.force(true);
            }
        }
    }

    static String read(Path root) throws IOException {
        try {
            return Files.readString(root.resolve("checkpoint"));
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
