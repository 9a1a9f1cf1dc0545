package example.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/** The page's log: one line a record, appended, made durable as its option says. */
final class RecordLog implements AutoCloseable {

    /** How much an append waits for. */
    enum Durability {
        /** an fdatasync after each record: each is durable when append returns */
        FSYNC_PER_RECORD,
        /** one fdatasync in commit for every record appended since: durable when commit returns */
        GROUP_COMMIT,
        /** never: durable when the kernel gets round to it */
        NONE
    }

    private final FileChannel log;
    private final Durability durability;

    private RecordLog(FileChannel log, Durability durability) {
        this.log = log;
        this.durability = durability;
    }

    static void create(Path root) throws IOException {
        Files.createFile(root.resolve("log"));
        try (FileChannel dir = FileChannel.open(root)) {
            dir.force(true);
        }
    }

    static RecordLog open(Path root, Durability durability) throws IOException {
        return new RecordLog(FileChannel.open(root.resolve("log"), StandardOpenOption.APPEND), durability);
    }

    void append(String record) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((record + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            log.write(line);
        }
        if (durability == Durability.FSYNC_PER_RECORD) {
            log.force(false);
        }
    }

    void commit() throws IOException {
        if (durability == Durability.GROUP_COMMIT) {
            log.force(false);
        }
    }

    /** Complete lines only: a torn tail is what a crash leaves, not a record. */
    static List<String> read(Path root) throws IOException {
        String text = Files.readString(root.resolve("log"), StandardCharsets.ISO_8859_1);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : Arrays.asList(text.substring(0, end).split("\n"));
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
