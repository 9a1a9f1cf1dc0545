package dev.crashlab.reports;

import java.util.Objects;

/**
 * The place in the trace where the process died, or where the writer was paused for a reader.
 *
 * @param op       index of the operation in the trace
 * @param position before it, inside it (a partial write), or after it
 * @param detail   free text, e.g. "7 of 12 bytes reached the file"; may be null
 */
public record CrashPoint(int op, CrashPosition position, String detail) {

    public CrashPoint {
        Objects.requireNonNull(position, "position");
        if (op < 0) {
            throw new IllegalArgumentException("crash point at operation " + op + " is negative");
        }
    }

    /** Whether operation {@code index} took full effect before the crash. */
    boolean happened(int index) {
        return index < op || (index == op && position == CrashPosition.AFTER);
    }

    /** "before #5", "inside #3", "after #7". */
    String label() {
        return position.name().toLowerCase(java.util.Locale.ROOT) + " #" + op;
    }
}
