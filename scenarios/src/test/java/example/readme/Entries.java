package example.readme;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * docs/property-checks.md's write-once store: a file a key, written to a temp file of its own, fsynced, and published
 * by a hard link, which fails when the name exists (the conflicting put fails with
 * FileAlreadyExistsException), then the directory fsynced. The seeded race bug
 * ({@link #openCheckThenAct}): it checks that the key is absent, then renames its temp file over
 * the name, so a rival that published the key between the check and the rename is silently
 * overwritten. Alone it is correct: only a second writer shows the difference.
 */
public final class Entries {

    private static final String TEMP = ".tmp";

    private final Path root;
    private final boolean checkThenAct;

    private Entries(Path root, boolean checkThenAct) {
        this.root = root;
        this.checkThenAct = checkThenAct;
    }

    public static Entries open(Path root) {
        return new Entries(root, false);
    }

    public static Entries openCheckThenAct(Path root) {
        return new Entries(root, true);
    }

    public void close() {
        // nothing is buffered
    }

    public void put(String key, String value) throws IOException {
        Path entry = root.resolve(key);
        if (checkThenAct && Files.exists(entry)) {
            throw new FileAlreadyExistsException(key, null, "already written");
        }
        Path temp = Files.createTempFile(root, key + "-", TEMP);
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
            if (checkThenAct) {
                Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.createLink(entry, temp);
            }
            try (FileChannel dir = FileChannel.open(root)) {
                dir.force(true);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** What a reader finds: every published entry, temp files left out. */
    public static Map<String, String> read(Path root) throws IOException {
        Map<String, String> map = new TreeMap<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().endsWith(TEMP)).toList()) {
                map.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return map;
    }
}
