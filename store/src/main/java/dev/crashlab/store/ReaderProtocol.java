package dev.crashlab.store;

/**
 * How a reader finds an entry. {@link #REFERENCE} opens the file and treats "no such file" as
 * absent; the others are seeded bugs from seed 001, kept for the harness to catch.
 */
public enum ReaderProtocol {
    /** Open first and ask forgiveness: a missing file is absent; an invalid one raises {@link InvalidEntryException}. */
    REFERENCE("reference", null),
    /** Checks exists() and then opens: a deleter in between turns "absent" into a NoSuchFileException (breaks G1). */
    EXISTS_THEN_OPEN("exists-then-open", "001"),
    /** Treats a corrupt entry as missing, silently (breaks G5: a silent wrong answer). */
    SWALLOW_CORRUPT("swallow-corrupt", "001, 000");

    private final String catalogId;
    private final String seed;

    ReaderProtocol(String catalogId, String seed) {
        this.catalogId = catalogId;
        this.seed = seed;
    }

    public String catalogId() {
        return catalogId;
    }

    public String seed() {
        return seed;
    }

    public boolean isSeededBug() {
        return this != REFERENCE;
    }
}
