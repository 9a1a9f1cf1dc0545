package dev.crashlab.scenarios.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The local database behind seed 002's cache: one file per key, replaced atomically by a temp file
 * and a rename. Mutable, unlike the write-once store: the cache's job is to keep up with it.
 */
final class LocalDatabase {

    private final Path dir;

    public LocalDatabase(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    public Optional<String> read(String key) throws IOException {
        try {
            return Optional.of(Files.readString(file(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    public void write(String key, String value) throws IOException {
        Path tmp = Files.createTempFile(dir, ".row", ".tmp");
        Files.writeString(tmp, value);
        Files.move(tmp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Path file(String key) {
        return dir.resolve(HexFormat.of().formatHex(key.getBytes(StandardCharsets.UTF_8)) + ".row");
    }
}
