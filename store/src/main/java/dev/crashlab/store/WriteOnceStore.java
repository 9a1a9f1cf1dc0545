package dev.crashlab.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A write-once persistent key/value store: one file per entry under a root directory, on any
 * java.nio file system. Entries are published by atomic rename, so a reader sees either no entry or
 * a complete one (G1), and once a key holds a value it never changes (G4).
 *
 * <pre>{@code
 * WriteOnceStore<String> store = WriteOnceStore.builder(root, Codecs.utf8())
 *         .durability(Durability.FILE_AND_DIRECTORY)
 *         .build();
 * store.put("answer", "42");
 * store.get("answer");   // Optional[42]
 * }</pre>
 *
 * <p>Thread-safe and safe across processes sharing the directory, with one caveat of rename
 * publishing: two writers racing <em>different</em> values for one absent key can both succeed, the
 * last rename winning. A key that determines its value (a cache) never sees this.
 */
public final class WriteOnceStore<V> {

    private static final System.Logger LOG = System.getLogger("dev.crashlab.store");
    private static final String ENTRY_SUFFIX = ".entry";

    private final Path root;
    private final Codec<V> codec;
    private final Durability durability;
    private final Protocol protocol;
    private final ReaderProtocol readerProtocol;
    private final Function<byte[], String> hasher;
    private final Publisher publisher;

    private WriteOnceStore(Builder<V> b) throws IOException {
        this.root = b.root;
        this.codec = b.codec;
        this.durability = b.durability;
        this.protocol = b.protocol;
        this.readerProtocol = b.readerProtocol;
        this.hasher = b.hasher;
        this.publisher = Publishers.of(b.protocol, b.durability, b.tempDirectory, new Steps());
        if (!Files.isDirectory(root)) {
            if (Files.exists(root)) {
                throw new NotDirectoryException(root + " is not a directory: a store needs a directory of its own");
            }
            if (!b.createRoot) {
                throw new NoSuchFileException(root.toString(), null,
                        "the store's root directory does not exist: create it, or build the store with createRoot(true)");
            }
            Files.createDirectories(root);
        }
    }

    public static <V> Builder<V> builder(Path root, Codec<V> codec) {
        return new Builder<>(root, codec);
    }

    /**
     * Stores {@code value} under {@code key}. A no-op if the key already holds this value; an
     * {@link EntryExistsException} if it holds another. An invalid entry at the key's place is
     * replaced atomically, with a warning.
     */
    public void put(String key, V value) throws IOException {
        store(key, value, true);
    }

    /** Stores the value if the key holds none; returns whether it did. Never fails on an existing value. */
    public boolean putIfAbsent(String key, V value) throws IOException {
        return store(key, value, false);
    }

    /**
     * Stores several entries with shared barriers (every file fsynced, then every rename, then one
     * directory fsync): a group commit. Keys already holding the same value are skipped.
     */
    public void putAll(Map<String, V> entries) throws IOException {
        while (true) {
            List<Put<?>> fresh = new ArrayList<>();
            for (Map.Entry<String, V> e : entries.entrySet()) {
                Put<V> put = newPut(e.getKey(), e.getValue());
                if (mustPublish(put, true)) {
                    fresh.add(put);
                }
            }
            try {
                publisher.publishAll(fresh);
                return;
            } catch (RenamePublisher.LostRace raced) {
                // Entries published before the race stay; the next look skips them and judges the one that lost.
            }
        }
    }

    /** The value of {@code key}, or empty if there is none. An invalid entry raises {@link InvalidEntryException}. */
    public Optional<V> get(String key) throws IOException {
        byte[] keyBytes = Keys.strictUtf8(Objects.requireNonNull(key, "key"), "key");
        Path file = entryFile(keyBytes);
        EntryReader.Found found = switch (readerProtocol) {
            case REFERENCE -> EntryReader.read(file, key, keyBytes);
            case EXISTS_THEN_OPEN -> EntryReader.existsThenOpen(file, key, keyBytes);
            case SWALLOW_CORRUPT -> swallowCorrupt(EntryReader.read(file, key, keyBytes));
        };
        if (found.error() != null) {
            throw found.error();
        }
        if (found.absent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(codec.decode(found.value()));
        } catch (IOException e) {
            throw new InvalidEntryException(file, Keys.describe(key), "its value cannot be decoded: " + e.getMessage(), e);
        }
    }

    public boolean contains(String key) throws IOException {
        return get(key).isPresent();
    }

    /** Deletes every entry. Not atomic: a reader during a clear sees some entries and not others. */
    public void clear() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root, "*" + ENTRY_SUFFIX)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    /**
     * Removes temp (and, for stale-lock, lock) files last modified more than {@code minAge} ago.
     * Age is the rule because a live writer holds its temp file for the length of one put: a file
     * untouched for {@code minAge} (use minutes, not milliseconds) belongs to a writer that crashed.
     * Returns how many files were removed.
     */
    public int removeAbandonedTempFiles(Duration minAge) throws IOException {
        Instant cutoff = Instant.now().minus(minAge);
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root, ".*.{tmp,lock}")) {
            for (Path f : files) {
                FileTime modified = Files.getLastModifiedTime(f);
                if (modified.toInstant().isBefore(cutoff) && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    public Path root() {
        return root;
    }

    public Durability durability() {
        return durability;
    }

    public Protocol protocol() {
        return protocol;
    }

    public ReaderProtocol readerProtocol() {
        return readerProtocol;
    }

    /** Where the entry of {@code key} lives (whether or not it exists). */
    public Path entryFile(String key) {
        return entryFile(Keys.strictUtf8(key, "key"));
    }

    private Path entryFile(byte[] keyBytes) {
        return root.resolve(hasher.apply(keyBytes) + ENTRY_SUFFIX);
    }

    private Put<V> newPut(String key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        byte[] keyBytes = Keys.strictUtf8(key, "key");
        String hash = hasher.apply(keyBytes);
        return new Put<>(key, keyBytes, hash, root.resolve(hash + ENTRY_SUFFIX), value, codec);
    }

    private boolean store(String key, V value, boolean conflictIsError) throws IOException {
        Put<V> put = newPut(key, value);
        while (mustPublish(put, conflictIsError)) {
            try {
                publisher.publish(put);
                return true;
            } catch (RenamePublisher.LostRace raced) {
                // A second writer published the key first: look at what it left, as if it had been there all along.
            }
        }
        return false;
    }

    /** Looks at what the key holds now; false if the put has nothing to do. */
    private boolean mustPublish(Put<V> put, boolean conflictIsError) throws IOException {
        if (!publisher.checksExisting()) {
            return true;
        }
        EntryReader.Found found = EntryReader.read(put.entry, put.key, put.keyBytes);
        put.replacesInvalid = found.invalid();
        if (found.absent()) {
            return true;
        }
        if (found.invalid()) {
            if (!publisher.replacesInvalid()) {
                throw found.error();
            }
            LOG.log(System.Logger.Level.WARNING, "Replacing an invalid entry: " + found.error().getMessage());
            return true;
        }
        if (found.error() != null) {
            throw found.error();
        }
        if (Arrays.equals(found.value(), put.encodedValue())) {
            return false;
        }
        if (conflictIsError) {
            throw new EntryExistsException(put.entry, put.describeKey());
        }
        return false;
    }

    private static EntryReader.Found swallowCorrupt(EntryReader.Found found) {
        return found.invalid() ? EntryReader.Found.ABSENT : found;
    }

    /** Configures a store; only the root and codec are required. */
    public static final class Builder<V> {
        private final Path root;
        private final Codec<V> codec;
        private Durability durability = Durability.FILE_AND_DIRECTORY;
        private Protocol protocol = Protocol.REFERENCE;
        private ReaderProtocol readerProtocol = ReaderProtocol.REFERENCE;
        private Path tempDirectory;
        private boolean createRoot = true;
        private Function<byte[], String> hasher = Keys.SHA_256;

        private Builder(Path root, Codec<V> codec) {
            this.root = Objects.requireNonNull(root, "root");
            this.codec = Objects.requireNonNull(codec, "codec");
        }

        /** Default FILE_AND_DIRECTORY: a store should be safe unless asked otherwise. */
        public Builder<V> durability(Durability d) {
            this.durability = Objects.requireNonNull(d);
            return this;
        }

        /** Default REFERENCE. Anything else is a seeded bug: for the harness and the benchmarks only. */
        public Builder<V> protocol(Protocol p) {
            this.protocol = Objects.requireNonNull(p);
            return this;
        }

        /** Default REFERENCE. Anything else is a seeded bug. */
        public Builder<V> readerProtocol(ReaderProtocol r) {
            this.readerProtocol = Objects.requireNonNull(r);
            return this;
        }

        /** Where TEMP_ELSEWHERE puts its temp files (default: java.io.tmpdir on the root's file system). Ignored otherwise. */
        public Builder<V> tempDirectory(Path dir) {
            this.tempDirectory = dir;
            return this;
        }

        /** Whether a missing root directory is created (default) or is an error. */
        public Builder<V> createRoot(boolean create) {
            this.createRoot = create;
            return this;
        }

        /** Replaces the key-to-file-name hash; for tests that need collisions. */
        Builder<V> hasher(Function<byte[], String> h) {
            this.hasher = Objects.requireNonNull(h);
            return this;
        }

        public WriteOnceStore<V> build() throws IOException {
            if (protocol == Protocol.TEMP_ELSEWHERE && tempDirectory == null) {
                tempDirectory = root.getFileSystem().getPath(System.getProperty("java.io.tmpdir"));
            }
            return new WriteOnceStore<>(this);
        }
    }
}
