package dev.crashlab.reports;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A change to the target's protocol, and what judging the edited trace again showed.
 *
 * @param suggestion what to change, in the target's terms, e.g. "add an fsync of a.tmp ... before
 *                   Checkpoint.write(Checkpoint.java:28)"
 * @param outcome    verified (every state of the edited trace passes the same oracle), not
 *                   sufficient (some still fail), or not verified (no edit of the trace expresses it)
 * @param detail     for a fix that is not sufficient, the first state that still fails; else empty
 */
public record Fix(String suggestion, Outcome outcome, String detail) {

    public enum Outcome {
        @JsonProperty("verified") VERIFIED,
        @JsonProperty("not-sufficient") NOT_SUFFICIENT,
        @JsonProperty("not-verified") NOT_VERIFIED
    }

    public Fix {
        Objects.requireNonNull(suggestion, "suggestion");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }

    /** E.g. "add ... — verified: the edited trace holds under ext4-like". */
    public String describe(String context) {
        String under = context == null || context.isEmpty() ? "" : " under " + context;
        return switch (outcome) {
            case VERIFIED -> suggestion + " — verified: the edited trace holds" + under;
            case NOT_SUFFICIENT -> suggestion + " — not sufficient:" + under + " it still breaks (" + detail + ")";
            case NOT_VERIFIED -> suggestion + " — not verified: no edit of the recorded trace expresses it";
        };
    }
}
