package dev.crashlab.scenarios.grade;

import dev.crashlab.reports.Status;

/**
 * The one grading function: what a cell's checks add up to. A checker only says whether a state
 * broke a guarantee; whether that is a violation or the price of a weaker option is decided here,
 * from the claims table, and nowhere else.
 */
public final class Grading {

    private Grading() {
    }

    /**
     * @param claimed whether the target claims the guarantee in the cell's context
     * @param checks  states or observations judged for the cell
     * @param broken  whether any of them broke the guarantee
     */
    public static Status grade(boolean claimed, long checks, boolean broken) {
        if (broken) {
            return claimed ? Status.VIOLATED : Status.NOT_CLAIMED;
        }
        return checks > 0 ? Status.HELD : Status.NOT_APPLICABLE;
    }
}
