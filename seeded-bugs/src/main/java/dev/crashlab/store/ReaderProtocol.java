package dev.crashlab.store;

/**
 * How a reader finds an entry. {@link #REFERENCE} opens the file and treats "no such file" as
 * absent; the others are seeded bugs from seed 001, kept for the harness to catch. Plugged into
 * a store the way {@link Protocol}'s are: {@code ReaderProtocol.SWALLOW_CORRUPT.on(builder)}.
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

    /** The builder, set to find entries this way. */
    public <V> WriteOnceStore.Builder<V> on(WriteOnceStore.Builder<V> builder) {
        return builder.lookup(switch (this) {
            case REFERENCE -> Lookup.REFERENCE;
            case EXISTS_THEN_OPEN -> EntryReader::existsThenOpen;
            case SWALLOW_CORRUPT -> (file, key, keyBytes, max) -> {
                EntryReader.Found found = EntryReader.read(file, key, keyBytes, max);
                return found.invalid() ? EntryReader.Found.ABSENT : found;
            };
        });
    }
}
