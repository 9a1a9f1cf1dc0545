package dev.crashlab.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads an entry file and says what it found: nothing, the entry, an invalid file, another key. */
final class EntryReader {

    /** What is at an entry's place. Exactly one of {@code value} and {@code error} is set unless absent. */
    record Found(byte[] value, StoreException error) {
        static final Found ABSENT = new Found(null, null);

        boolean absent() {
            return value == null && error == null;
        }

        boolean invalid() {
            return error instanceof InvalidEntryException;
        }
    }

    private EntryReader() {
    }

    /** Opens the file first and treats "no such file" as absent: the reference reader. */
    static Found read(Path file, String key, byte[] keyBytes) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Found.ABSENT;
        }
        return judge(file, key, keyBytes, bytes);
    }

    /** Seeded bug exists-then-open: a deleter between the two calls makes this throw NoSuchFileException. */
    static Found existsThenOpen(Path file, String key, byte[] keyBytes) throws IOException {
        if (!Files.exists(file)) {
            return Found.ABSENT;
        }
        return judge(file, key, keyBytes, Files.readAllBytes(file));
    }

    static Found judge(Path file, String key, byte[] keyBytes, byte[] bytes) {
        EntryFormat.Entry entry;
        try {
            entry = EntryFormat.decode(bytes);
        } catch (EntryFormat.FormatException e) {
            return new Found(null, new InvalidEntryException(file, Keys.describe(key), e.getMessage(), null));
        }
        if (!Arrays.equals(entry.key(), keyBytes)) {
            String stored = Keys.describe(new String(entry.key(), StandardCharsets.UTF_8));
            return new Found(null, new KeyCollisionException(file, Keys.describe(key), stored));
        }
        return new Found(entry.value(), null);
    }
}
