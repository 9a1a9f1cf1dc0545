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
 * A small key-value store on one log file: a put appends "P key value", a delete "D key", each
 * fsynced before it returns; compact rewrites the log with the live entries only, once it holds at
 * least two records. The seeded bug: {@link #openInPlace} compacts in place (truncate, then write),
 * so a crash between the two loses everything acknowledged; only a sequence of at least three steps
 * (two records, the second leaving a live entry, then a compaction) has something to lose there.
 */
final class Kv {

    private static final String LOG = "kv.log";

    private final Path root;
    private final boolean inPlace;

    private Kv(Path root, boolean inPlace) {
        this.root = root;
        this.inPlace = inPlace;
    }

    /** The correct store: compacts into a temp file, fsyncs it, renames it over the log, fsyncs the directory. */
    static Kv open(Path root) throws IOException {
        return open(root, false);
    }

    static Kv openInPlace(Path root) throws IOException {
        return open(root, true);
    }

    private static Kv open(Path root, boolean inPlace) throws IOException {
        if (!Files.exists(root.resolve(LOG))) {
            Files.createFile(root.resolve(LOG));
            syncDirectory(root);
        }
        return new Kv(root, inPlace);
    }

    void close() {
        // every operation is durable when it returns: nothing is buffered
    }

    void put(String key, String value) throws IOException {
        append("P " + key + " " + value + "\n");
    }

    void delete(String key) throws IOException {
        append("D " + key + "\n");
    }

    void compact() throws IOException {
        Path log = root.resolve(LOG);
        String text = Files.readString(log, StandardCharsets.ISO_8859_1);
        if (text.lines().count() < 2) {
            return; // nothing to gain
        }
        StringBuilder live = new StringBuilder();
        replay(text).forEach((k, v) -> live.append("P ").append(k).append(' ').append(v).append('\n'));
        byte[] bytes = live.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (inPlace) {
            try (FileChannel out = FileChannel.open(log, StandardOpenOption.WRITE)) {
                out.truncate(0);
                out.write(ByteBuffer.wrap(bytes));
                out.force(true);
            }
            return;
        }
        Path temp = root.resolve(LOG + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(bytes));
            out.force(true);
        }
        Files.move(temp, log, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(root);
    }

    private void append(String record) throws IOException {
        try (FileChannel out = FileChannel.open(root.resolve(LOG), StandardOpenOption.APPEND)) {
            out.write(ByteBuffer.wrap(record.getBytes(StandardCharsets.ISO_8859_1)));
            out.force(false);
        }
    }

    /** What a reader finds: the log replayed, a torn last record (no newline yet) left out. */
    static Map<String, String> read(Path root) throws IOException {
        try {
            return replay(Files.readString(root.resolve(LOG), StandardCharsets.ISO_8859_1));
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        }
    }

    private static Map<String, String> replay(String text) {
        Map<String, String> map = new TreeMap<>();
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return map;
        }
        for (String line : text.substring(0, end).split("\n")) {
            String[] f = line.split(" ");
            if (f[0].equals("P") && f.length == 3) {
                map.put(f[1], f[2]);
            } else if (f[0].equals("D") && f.length == 2) {
                map.remove(f[1]);
            } else {
                throw new IllegalStateException("corrupt record '" + line + "'");
            }
        }
        return map;
    }

    private static void syncDirectory(Path root) throws IOException {
        try (FileChannel dir = FileChannel.open(root)) {
            dir.force(true);
        }
    }
}
