package dev.crashlab.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A write-once persistent key/value store: one file per entry under a root directory, on any
 * java.nio file system. Entries are published by hard link from a complete temp file, so a reader
 * sees either no entry or a complete one (G1), and once a key holds a value it never changes (G4).
 *
 * <pre>{@code
 * WriteOnceStore<String> store = WriteOnceStore.builder(root, Codecs.utf8())
 *         .durability(Durability.FILE_AND_DIRECTORY)
 *         .build();
 * store.put("answer", "42");
 * store.get("answer");   // Optional[42]
 * }</pre>
 *
 * <p>Thread-safe and safe across processes sharing the directory: of two writers racing different
 * values for one key, absent or holding an invalid entry, one wins and the other gets
 * {@link EntryExistsException} (or {@link ReplacementInProgressException} while the winner is still
 * replacing an invalid entry; see {@code Replacement}). Entry files are never followed as links or
 * opened unless regular, and never read past {@link Builder#maxValueBytes}. On a file system
 * without hard links the store falls back to rename, and there the last of two racing writers wins.
 */
public final class WriteOnceStore<V> {

    private static final System.Logger LOG = System.getLogger("dev.crashlab.store");
    private static final String ENTRY_SUFFIX = ".entry";
    /** 256 MiB: far above a cache entry or a checkpoint, far below what a reader can allocate without trouble. */
    public static final long DEFAULT_MAX_VALUE_BYTES = 256L << 20;

    private final Path root;
    private final Codec<V> codec;
    private final Durability durability;
    private final Lookup lookup;
    private final Function<byte[], String> hasher;
    private final Publisher publisher;
    private final long maxValueBytes;

    /** A put that keeps losing the race for its key (each loss means another writer changed it) gives up after this many looks. */
    private static final int MAX_LOOKS = 16;

    private WriteOnceStore(Builder<V> b) throws IOException {
        this.root = b.root;
        this.codec = b.codec;
        this.durability = b.durability;
        this.lookup = b.lookup;
        this.hasher = b.hasher;
        this.maxValueBytes = b.maxValueBytes;
        this.publisher = b.publishing.publisher(b.durability, b.root, new Steps(b.stepHook), b.maxValueBytes);
        if (!Files.isDirectory(root)) {
            if (Files.exists(root)) {
                throw new NotDirectoryException(Text.escape(root + " is not a directory: a store needs a directory of its own"));
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
        List<Put<V>> puts = new ArrayList<>();
        List<Put<?>> batch = new ArrayList<>();
        for (Map.Entry<String, V> e : entries.entrySet()) {
            Put<V> put = newPut(e.getKey(), e.getValue());
            checkReadable(put);
            put.batch = batch;
            puts.add(put);
            batch.add(put);
        }
        if (puts.isEmpty()) {
            return;
        }
        for (int look = 0; look < MAX_LOOKS; look++) {
            List<Put<?>> fresh = new ArrayList<>();
            for (Put<V> put : puts) {
                if (!put.published && mustPublish(put, true)) {
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
        throw gaveUp(batch.get(batch.size() - 1));
    }

    /** The value of {@code key}, or empty if there is none. An invalid entry raises {@link InvalidEntryException}. */
    public Optional<V> get(String key) throws IOException {
        Named named = named(Objects.requireNonNull(key, "key"));
        byte[] keyBytes = named.keyBytes();
        Path file = named.entry();
        long max = EntryFormat.fileSize(keyBytes.length, maxValueBytes);
        EntryReader.Found found = lookup.find(file, key, keyBytes, max);
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
        } catch (StackOverflowError e) {
            throw new InvalidEntryException(file, Keys.describe(key), "its value is nested too deep to decode"
                    + " (StackOverflowError); give the codec a lower depth limit", null);
        }
    }

    public boolean contains(String key) throws IOException {
        return get(key).isPresent();
    }

    /** Deletes every entry. Not atomic: a reader during a clear sees some entries and not others. */
    public void clear() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root, "*" + ENTRY_SUFFIX)) {
            for (Path f : files) {
                // A directory named like an entry is not the store's to delete (a put refuses to replace it too).
                if (!Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
                    delete("clear", f);
                }
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
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException finished) {
                    continue; // a live writer published or removed it between the listing and this look
                }
                // The store's temp files are regular files: a link or a directory with a temp-like name is somebody else's.
                if (a.isRegularFile() && a.lastModifiedTime().toInstant().isBefore(cutoff) && delete("removeAbandonedTempFiles", f)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Deletes one file for {@code operation}; a failure names the operation, the file and what to do. */
    private static boolean delete(String operation, Path f) throws StoreException {
        try {
            return Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new StoreException(operation + " failed deleting " + f + ": " + e + ". " + Failures.advice(e)
                    + " Files deleted before this one stay deleted; the others are untouched.", f, e);
        }
    }

    public Path root() {
        return root;
    }

    public Durability durability() {
        return durability;
    }

    /** Where the entry of {@code key} lives (whether or not it exists). */
    public Path entryFile(String key) {
        return named(key).entry();
    }

    /** A key's bytes, the hash that names its file, the file and its directory; the bytes are never modified. */
    private record Named(String key, byte[] keyBytes, String hash, Path entry, Path directory) {
    }

    /**
     * The last key named, kept: readers and checkers ask for the same few keys over and over, and
     * encoding, hashing and resolving a key cost more than reading a small entry from memory.
     */
    private volatile Named lastNamed;

    /** Every entry's parent, which is the same path for all of them: asked for once. */
    private volatile Path directory;

    private Named named(String key) {
        Named n = lastNamed;
        if (n == null || !n.key().equals(key)) {
            byte[] keyBytes = Keys.strictUtf8(key, "key");
            String hash = hasher.apply(keyBytes);
            Path entry = root.resolve(hash + ENTRY_SUFFIX);
            Path dir = directory;
            if (dir == null) {
                directory = dir = entry.getParent();
            }
            n = new Named(key, keyBytes, hash, entry, dir);
            lastNamed = n;
        }
        return n;
    }

    private Put<V> newPut(String key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Named n = named(key);
        return new Put<>(key, n.keyBytes(), n.hash(), n.entry(), n.directory(), value, codec, durability);
    }

    /**
     * Refuses, before anything touches the disk, a value this store could not read back: larger
     * than maxValueBytes, or refused by the codec's own decoder and limits (a structure deeper than
     * the serialization filter admits). Storing it would leave an entry every get fails on, and
     * "put the key again" would not help: the same value is a no-op, another one a conflict.
     */
    private void checkReadable(Put<V> put) throws IOException {
        if (!publisher.checksValueFirst()) {
            return;
        }
        int length = put.valueLength();
        if (length > maxValueBytes) {
            throw new IllegalArgumentException("The value for key " + put.describeKey() + " is " + length
                    + " bytes, over this store's maxValueBytes (" + maxValueBytes + "): nothing was published."
                    + " Raise WriteOnceStore.Builder.maxValueBytes for every store that reads this directory.");
        }
        if (codec instanceof Codecs.ReadsAnyBytes) {
            return;
        }
        try {
            codec.decode(put.valueCopy());
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException("The value for key " + put.describeKey() + " could not be read back by"
                    + " this store's codec, so it was not stored (nothing was published): " + e.getMessage()
                    + (e instanceof StackOverflowError ? " (too deep to decode)" : ""), e);
        }
    }

    private StoreException gaveUp(Put<?> put) {
        return new StoreException("Put of key " + put.describeKey() + " gave up after " + MAX_LOOKS + " looks: every time"
                + " it was about to publish, another writer had changed the entry " + put.entry + ". Something is"
                + " rewriting that file in a loop; find it. " + (put.published ? "This put's entry was published."
                : "Nothing was published by this put."), put.entry, null);
    }

    private boolean store(String key, V value, boolean conflictIsError) throws IOException {
        Put<V> put = newPut(key, value);
        try {
            checkReadable(put);
            for (int look = 0; look < MAX_LOOKS; look++) {
                boolean quick = look == 0 && publisher.refusesToReplace() && EntryReader.nothingVisibleAt(put.entry);
                if (!quick && !mustPublish(put, conflictIsError)) {
                    return false;
                }
                try {
                    publisher.publish(put);
                    return true;
                } catch (RenamePublisher.LostRace raced) {
                    // A second writer published the key first: look at what it left, as if it had been there all along.
                } catch (IOException failed) {
                    throw quick ? lookedTooQuickly(put, failed) : failed;
                }
            }
            throw gaveUp(put);
        } finally {
            put.release();
        }
    }

    /**
     * A put that failed after its quick look: the full look would have stopped it earlier, with its
     * own error, where the name holds what the quick look cannot see (a directory the store may not
     * search, or a file system that refuses the look); that error is the true one. Otherwise the
     * publish's failure stands.
     */
    private IOException lookedTooQuickly(Put<V> put, IOException failed) throws IOException {
        if (!put.published) {
            EntryReader.Found found = lookAt(put);
            if (found.invalid() && (!publisher.replacesInvalid() || found.directory())
                    || !found.invalid() && found.error() != null) {
                failed = found.error();
            }
        }
        return failed;
    }

    private EntryReader.Found lookAt(Put<V> put) throws IOException {
        return EntryReader.read(put.entry, put.key, put.keyBytes, EntryFormat.fileSize(put.keyBytes.length, maxValueBytes),
                put.encodedValue());
    }

    /** Looks at what the key holds now; false if the put has nothing to do. */
    private boolean mustPublish(Put<V> put, boolean conflictIsError) throws IOException {
        if (!publisher.checksExisting()) {
            return true;
        }
        EntryReader.Found found = lookAt(put);
        put.replacesInvalid = found.invalid();
        if (found.absent()) {
            return true;
        }
        if (found.invalid()) {
            if (!publisher.replacesInvalid() || found.directory()) {
                throw found.error();
            }
            return true;
        }
        if (found.error() != null) {
            throw found.error();
        }
        if (found.sameValue() != null ? found.sameValue() : put.valueEquals(found.value())) {
            put.alreadyStored = true;
            return false;
        }
        if (conflictIsError) {
            throw new EntryExistsException(put.entry, put.describeKey());
        }
        return false;
    }

    /** Configures a store; only the root and codec are required. */
    public static final class Builder<V> {
        private final Path root;
        private final Codec<V> codec;
        private Durability durability = Durability.FILE_AND_DIRECTORY;
        private Publishing publishing = Publishing.REFERENCE;
        private Lookup lookup = Lookup.REFERENCE;
        private boolean createRoot = true;
        private Function<byte[], String> hasher = Keys.SHA_256;
        private long maxValueBytes = DEFAULT_MAX_VALUE_BYTES;
        private StepHook stepHook = StepHook.NONE;

        private Builder(Path root, Codec<V> codec) {
            this.root = Objects.requireNonNull(root, "root");
            this.codec = Objects.requireNonNull(codec, "codec");
        }

        /** Default FILE_AND_DIRECTORY: a store should be safe unless asked otherwise. */
        public Builder<V> durability(Durability d) {
            this.durability = Objects.requireNonNull(d);
            return this;
        }

        /** Whether a missing root directory is created (default) or is an error. */
        public Builder<V> createRoot(boolean create) {
            this.createRoot = create;
            return this;
        }

        /**
         * The largest value this store writes or reads (default 256 MiB). A larger entry file is an
         * {@link InvalidEntryException} that says so, found from its size before any of it is read;
         * a larger value is refused by put. Every store reading a directory should use the same limit.
         */
        public Builder<V> maxValueBytes(long max) {
            if (max < 0 || max > Integer.MAX_VALUE - 64 - 65_536) {
                throw new IllegalArgumentException("maxValueBytes must be between 0 and about 2 GiB (a Java array): " + max);
            }
            this.maxValueBytes = max;
            return this;
        }

        /** Runs before each named step of a put; for tests that fail each step in turn. */
        Builder<V> stepHook(StepHook hook) {
            this.stepHook = Objects.requireNonNull(hook);
            return this;
        }

        /** Replaces how puts are published; the seeded-bug module's seam, never a user's option. */
        Builder<V> publishing(Publishing p) {
            this.publishing = Objects.requireNonNull(p);
            return this;
        }

        /** Replaces how gets find an entry; the seeded-bug module's seam, never a user's option. */
        Builder<V> lookup(Lookup l) {
            this.lookup = Objects.requireNonNull(l);
            return this;
        }

        /** Replaces the key-to-file-name hash; for tests that need collisions. */
        Builder<V> hasher(Function<byte[], String> h) {
            this.hasher = Objects.requireNonNull(h);
            return this;
        }

        public WriteOnceStore<V> build() throws IOException {
            return new WriteOnceStore<>(this);
        }
    }
}
