package dev.crashlab.reports;

import java.util.Objects;

/**
 * One target x guarantee x model verdict. The target is the enclosing {@link TargetResult}.
 *
 * @param statesExplored      crash states (or pause points) the checker judged for this cell
 * @param timeToDetectMillis  wall-clock time from the start of the cell to the first failing state;
 *                            null when nothing broke
 * @param counterexample      required when violated; allowed when not claimed (the price of the
 *                            option, shown for information); absent otherwise
 */
public record Cell(Guarantee guarantee, Context model, Status status, long statesExplored,
                   Long timeToDetectMillis, Counterexample counterexample) {

    public Cell {
        Objects.requireNonNull(guarantee, "guarantee");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(status, "status");
        if (statesExplored < 0) {
            throw new IllegalArgumentException("statesExplored " + statesExplored + " is negative");
        }
        // Fields are assigned only after a compact constructor ends, so name the cell from parameters.
        String key = guarantee.name() + "/" + model.wireName();
        if (status == Status.VIOLATED && counterexample == null) {
            throw new IllegalArgumentException(key + " is violated but carries no counterexample");
        }
        if ((status == Status.HELD || status == Status.NOT_APPLICABLE || status == Status.INCOMPLETE) && counterexample != null) {
            throw new IllegalArgumentException(key + " is " + status.wireName()
                    + " but carries a counterexample");
        }
    }

    /** "G2/ext4-like": unique within a target. */
    public String key() {
        return guarantee.name() + "/" + model.wireName();
    }
}
