package dev.crashlab.faults.trace;

import java.util.Objects;

/**
 * A point of a workload after which the target has promised something (a commit acknowledged, a
 * record appended): a crash after it must not lose what it promised.
 *
 * @param position how many operations of the trace had happened when the target acknowledged
 * @param label    what was acknowledged, e.g. "commit 2"
 */
public record Acknowledgement(int position, String label) {

    public Acknowledgement {
        Objects.requireNonNull(label, "label");
        if (position < 0) {
            throw new IllegalArgumentException("an acknowledgement's position is a trace position, got " + position);
        }
    }
}
