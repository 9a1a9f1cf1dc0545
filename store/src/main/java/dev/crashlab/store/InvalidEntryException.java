package dev.crashlab.store;

import java.nio.file.Path;

/**
 * An entry file exists but is not a complete entry of this store: truncated, torn, bit-flipped,
 * zero-filled, foreign, or its value cannot be decoded. Never answered as "absent" by the reference
 * reader, because a silently missing entry hides the bug that made it (seed 001).
 */
public class InvalidEntryException extends StoreException {

    private final String problem;

    public InvalidEntryException(Path file, String key, String problem, Throwable cause) {
        this(file, key, problem, "put the key again (the next put replaces an invalid entry atomically), or delete "
                + file, cause);
    }

    InvalidEntryException(Path file, String key, String problem, String recovery, Throwable cause) {
        super("Entry file " + file + " for key " + key + " is invalid: " + problem + ". To recover: " + recovery + ".",
                file, cause);
        this.problem = problem;
    }

    /** What is wrong, without the advice, e.g. "checksum mismatch". */
    public String problem() {
        return problem;
    }
}
