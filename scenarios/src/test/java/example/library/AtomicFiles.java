package example.library;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A library's helper, like Kafka's Utils.atomicMoveWithFallback: rename, then fsync the directory. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    public static void replace(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(target.getParent())) {
            dir.force(true);
        }
    }
}
