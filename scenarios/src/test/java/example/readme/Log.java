package example.readme;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/** The README's append-only log: one line a record, each appended in one write and fsynced. */
final class Log {

    private Log() {
    }

    static void create(Path root) throws IOException {
        Files.createFile(root.resolve("log"));
        try (FileChannel dir = FileChannel.open(root)) {
            dir.force(true);
        }
    }

    static void append(Path root, String record) throws IOException {
        try (FileChannel log = FileChannel.open(root.resolve("log"), StandardOpenOption.APPEND)) {
            log.write(ByteBuffer.wrap((record + "\n").getBytes(StandardCharsets.UTF_8)));
            log.force(false);
        }
    }

    /** Complete lines only: a torn tail is what a crash leaves, not a record. */
    static List<String> read(Path root) throws IOException {
        String text = Files.readString(root.resolve("log"), StandardCharsets.ISO_8859_1);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : Arrays.asList(text.substring(0, end).split("\n"));
    }

    /** The recovery: cuts a torn last record away, in place. */
    static void truncateTornTail(Path root) throws IOException {
        byte[] bytes = Files.readAllBytes(root.resolve("log"));
        int keep = bytes.length;
        while (keep > 0 && bytes[keep - 1] != '\n') {
            keep--;
        }
        if (keep < bytes.length) {
            try (FileChannel log = FileChannel.open(root.resolve("log"), StandardOpenOption.WRITE)) {
                log.truncate(keep);
                log.force(true);
            }
        }
    }
}
