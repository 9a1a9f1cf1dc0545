package dev.crashlab.scenarios.explain;

/**
 * A change to the target's protocol, and what judging the edited trace again showed.
 *
 * @param suggestion what to change, in the target's terms, e.g. "add FileChannel.force(true) on a.tmp
 *                   before Checkpoint.write(Checkpoint.java:28)"
 * @param outcome    verified (every state of the edited trace passes the same oracle), not
 *                   sufficient (some still fail), or not verified (no edit of the trace expresses it)
 * @param detail     for a fix that is not sufficient, the first state that still fails; else empty
 */
public record Fix(String suggestion, Outcome outcome, String detail) {

    public enum Outcome { VERIFIED, NOT_SUFFICIENT, NOT_VERIFIED }

    /** E.g. "add ... — verified: the edited trace holds under ext4-like". */
    public String describe(String context) {
        return switch (outcome) {
            case VERIFIED -> suggestion + " — verified: the edited trace holds under " + context;
            case NOT_SUFFICIENT -> suggestion + " — not sufficient: under " + context + " it still breaks (" + detail + ")";
            case NOT_VERIFIED -> suggestion + " — not verified: no edit of the recorded trace expresses it";
        };
    }
}
