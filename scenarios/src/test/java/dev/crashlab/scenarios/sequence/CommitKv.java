package dev.crashlab.scenarios.sequence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * A key-value store with commits: puts wait in memory, a commit writes the whole map to a temp
 * file, fsyncs it, renames it over the data file and fsyncs the directory; closing commits what is
 * pending. {@link #openUnsynced} skips the temp file's fsync, so a power failure can leave the
 * renamed file empty after the commit returned.
 */
final class CommitKv {

    private final Path root;
    private final boolean sync;
    private final Map<String, String> pending;

    private CommitKv(Path root, boolean sync) throws IOException {
        this.root = root;
        this.sync = sync;
        this.pending = read(root);
    }

    static CommitKv open(Path root) throws IOException {
        return new CommitKv(root, true);
    }

    static CommitKv openUnsynced(Path root) throws IOException {
        return new CommitKv(root, false);
    }

    void put(String key, String value) {
        pending.put(key, value);
    }

    void commit() throws IOException {
        StringBuilder text = new StringBuilder();
        pending.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path temp = root.resolve("data.tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
            if (sync) {
                out.force(true);
            }
        }
        Files.move(temp, root.resolve("data"), StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(root)) {
            dir.force(true);
        }
    }

    void close() throws IOException {
        commit();
    }

    static Map<String, String> read(Path root) throws IOException {
        Map<String, String> map = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(root.resolve("data"), StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                map.put(line.substring(0, eq), line.substring(eq + 1));
            }
        } catch (NoSuchFileException e) {
            // nothing committed yet
        }
        return map;
    }
}
