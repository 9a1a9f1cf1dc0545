package dev.crashlab.scenarios.cache;

/**
 * What one deterministic race left a later reader with. G7 holds when the reader is served the
 * value the completed write or invalidation established, and is violated when it gets an older one.
 *
 * @param race       which race, e.g. "page regeneration vs commit+invalidation"
 * @param pausePoint where the actor was paused while the racer ran
 * @param expected   what every reader must be served once the racer returned
 * @param seen       what a reader was served
 */
public record G7Outcome(String race, String pausePoint, String expected, String seen) {

    public boolean held() {
        return expected.equals(seen);
    }

    /** A failure report a person can act on: the race, the interleaving, and the stale value. */
    public String describe() {
        return (held() ? "G7 held" : "G7 VIOLATED") + " in race '" + race + "': actor paused at '" + pausePoint
                + "', racer ran to completion, then a reader was served \"" + seen + "\" where only \""
                + expected + "\" is allowed";
    }
}
