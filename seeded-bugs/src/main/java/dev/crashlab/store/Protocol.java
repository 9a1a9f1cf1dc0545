package dev.crashlab.store;

import java.nio.file.Path;

/**
 * How a writer publishes an entry. {@link #REFERENCE} is the store's own protocol; every other
 * constant is a seeded bug from the source material, kept so the harness can prove it catches it
 * and so the benchmarks can price what safety costs. <strong>Never use a seeded bug to keep
 * data.</strong>
 *
 * <p>The seeded bugs are not part of the store a user depends on: this module plugs them in
 * through the store's package-private seam ({@code WriteOnceStore.Builder.publishing}), which it
 * reaches by sharing the store's package, so only the campaign, the benchmarks and the tests that
 * depend on crashlab-seeded-bugs can switch one on: {@code Protocol.STREAM_TO_FINAL.on(builder)}.
 */
public enum Protocol {
    /**
     * Serialize to memory; create a temp file exclusively in the entry's directory; write; fsync it
     * (FILE and up); publish it with {@code Files.createLink(entry, temp)}, which fails rather than
     * replace an entry a rival published, and delete the temp name; fsync the directory
     * (FILE_AND_DIRECTORY).
     */
    REFERENCE("reference", null),
    /** Serializes straight into the final entry file: a crash or a throwing serializer leaves a torn entry that no later put repairs. */
    STREAM_TO_FINAL("stream-to-final", "000"),
    /** Writes the temp file in another directory (configurable, e.g. on tmpfs) and moves it without ATOMIC_MOVE: across file systems that is copy + delete, visible half-done. */
    TEMP_ELSEWHERE("temp-elsewhere", "001"),
    /** Deletes the existing entry, then renames the temp over it, as seed 001 did for Windows: a window with no entry, and a write-once value that changes. */
    UNLINK_THEN_RENAME("unlink-then-rename", "001"),
    /** Guards each put with an exclusively created lock file and never recovers one left by a dead writer: that key can never be stored again. */
    STALE_LOCK("stale-lock", "000"),
    /** Claims durability but fsyncs only the directory after the rename, never the file's data: the zero-length files of ext4 in 2009, KAFKA-15312. */
    RENAME_NO_FSYNC("rename-no-fsync", "000"),
    /** Claims durability but fsyncs only the file, never the directory: the rename can be lost (KAFKA-3968). */
    NO_DIR_FSYNC("no-dir-fsync", "000");

    private final String catalogId;
    private final String seed;

    Protocol(String catalogId, String seed) {
        this.catalogId = catalogId;
        this.seed = seed;
    }

    /** The id in the seeded-bug catalog (docs/store.md), e.g. "stream-to-final". */
    public String catalogId() {
        return catalogId;
    }

    /** The source-material file the bug comes from ("000".."003"), or null for the reference. */
    public String seed() {
        return seed;
    }

    public boolean isSeededBug() {
        return this != REFERENCE;
    }

    /** The builder, set to publish with this protocol (its temp files, for TEMP_ELSEWHERE, in java.io.tmpdir). */
    public <V> WriteOnceStore.Builder<V> on(WriteOnceStore.Builder<V> builder) {
        return on(builder, null);
    }

    /**
     * The builder, set to publish with this protocol; TEMP_ELSEWHERE puts its temp files in
     * {@code tempDirectory} (null: java.io.tmpdir on the root's file system), the others ignore it.
     */
    public <V> WriteOnceStore.Builder<V> on(WriteOnceStore.Builder<V> builder, Path tempDirectory) {
        return builder.publishing((durability, root, steps, maxValueBytes) -> Publishers.of(this, durability,
                this == TEMP_ELSEWHERE && tempDirectory == null
                        ? root.getFileSystem().getPath(System.getProperty("java.io.tmpdir")) : tempDirectory,
                steps, maxValueBytes));
    }

    /** Whether this protocol fsyncs the temp/entry file under the given option. */
    boolean syncsFile(Durability d) {
        return this != RENAME_NO_FSYNC && d != Durability.NONE;
    }

    /** Whether this protocol fsyncs the directory under the given option. */
    boolean syncsDirectory(Durability d) {
        if (this == NO_DIR_FSYNC) {
            return false;
        }
        return this == RENAME_NO_FSYNC ? d != Durability.NONE : d == Durability.FILE_AND_DIRECTORY;
    }
}
