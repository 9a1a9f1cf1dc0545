package dev.crashlab.reports;

import java.util.Objects;

/**
 * One line of a counterexample's numbered I/O trace listing.
 *
 * @param index  position in the trace, from 0
 * @param kind   the operation kind, e.g. "WRITE", "FSYNC_FILE", "MOVE"
 * @param path   the file or directory, relative to the run's root; for a move "a -> b"
 * @param detail what else matters, e.g. "@0 +12 bytes" or "(atomic)"; may be null
 * @param site   the target's source line that issued it; may be null
 */
public record TraceOp(int index, String kind, String path, String detail, String site) {

    public TraceOp {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        if (index < 0) {
            throw new IllegalArgumentException("trace index " + index + " is negative");
        }
    }
}
