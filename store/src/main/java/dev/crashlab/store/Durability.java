package dev.crashlab.store;

/**
 * How much a put waits for before it returns. What each option then guarantees after a crash is
 * the harness's claim to check, not the store's to declare (docs/store.md, "The reference protocol and the durability options").
 */
public enum Durability {
    /**
     * No fsync. A process crash loses nothing that reached the page cache; a power failure may lose
     * or empty entries, and that is the price of NONE, not a bug.
     */
    NONE,
    /**
     * fsync the entry's file before publishing it: an entry that survives a power failure is
     * complete. A put that returned may still vanish, since the rename is not synced.
     */
    FILE,
    /** fsync the file, and the directory after the rename: a put that returned survives. */
    FILE_AND_DIRECTORY
}
