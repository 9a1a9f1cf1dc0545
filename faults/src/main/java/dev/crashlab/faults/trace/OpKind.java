package dev.crashlab.faults.trace;

/**
 * The kinds of file operation an {@link IoTrace} records. Persistence models reason about these
 * kinds, not about JDK methods, so a new instrumented entry point only has to map onto one of them.
 */
public enum OpKind {
    /** A file came into existence (empty), e.g. CREATE / CREATE_NEW on open. */
    CREATE(true),
    /** Bytes written at an offset of an existing file. */
    WRITE(false),
    /** A file's size was set; {@link IoOp#length()} is the new size. */
    TRUNCATE(false),
    /** fdatasync: the file's data (not necessarily its metadata) reached stable storage. */
    FSYNC_DATA(false),
    /** fsync: the file's data and metadata reached stable storage. */
    FSYNC_FILE(false),
    /** fsync of a directory: its entries (creates, renames, deletes) reached stable storage. */
    FSYNC_DIRECTORY(true),
    /** A rename from {@link IoOp#path()} to {@link IoOp#target()}; atomic when {@link IoOp#atomic()}. */
    MOVE(true),
    /** A hard link {@link IoOp#target()} created for {@link IoOp#path()}. */
    LINK(true),
    /** A directory entry removed. */
    DELETE(true),
    /** A directory created. */
    MKDIR(true),
    /** A handle closed; no effect on what persists, kept so the listing reads like the program. */
    CLOSE(false);

    private final boolean metadata;

    OpKind(boolean metadata) {
        this.metadata = metadata;
    }

    /** True for operations that change directory entries rather than file contents. */
    public boolean isMetadata() {
        return metadata;
    }

    /** True for the barriers a persistence model orders other operations against. */
    public boolean isSync() {
        return this == FSYNC_DATA || this == FSYNC_FILE || this == FSYNC_DIRECTORY;
    }
}
