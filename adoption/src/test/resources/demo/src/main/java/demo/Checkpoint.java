package demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/** Offsets per partition, kept in one JSON file replaced atomically. */
public final class Checkpoint {

    static final boolean FSYNC = true;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoint() {
    }

    public static void write(Path dir, Map<String, Long> offsets) throws IOException {
        Path temp = dir.resolve("checkpoint.json.tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap(JSON.writeValueAsBytes(ImmutableSortedMap.copyOf(offsets))));
            if (FSYNC) {
                out.force(true);
            }
        }
        Files.move(temp, dir.resolve("checkpoint.json"), StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    public static Map<String, Long> read(Path dir) throws IOException {
        try {
            return JSON.readValue(Files.readAllBytes(dir.resolve("checkpoint.json")), new TypeReference<Map<String, Long>>() { });
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
