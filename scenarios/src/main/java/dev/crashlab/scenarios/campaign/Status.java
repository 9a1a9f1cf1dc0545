package dev.crashlab.scenarios.campaign;

/** A cell's verdict: the report's four statuses. */
public enum Status {
    /** Checked, never broken. */
    HELD,
    /** Broken, and the target claims it. */
    VIOLATED,
    /** Broken, but the target never promised it (the price of a weaker durability option). */
    NOT_CLAIMED,
    /** Nothing in this context can break it, or nothing was checked. */
    NOT_APPLICABLE
}
