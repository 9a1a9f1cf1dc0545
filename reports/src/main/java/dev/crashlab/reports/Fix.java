package dev.crashlab.reports;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A change to the target's protocol, and what judging the edited trace again showed.
 *
 * @param suggestion what to change, in the target's terms, e.g. "add an fsync of a.tmp ... before
 *                   Checkpoint.write(Checkpoint.java:28)"
 * @param outcome    verified (every state of the edited trace passes the same oracle), not
 *                   sufficient (some still fail), not verified (no edit of the trace expresses it),
 *                   or out of budget (judging the edited trace did not finish within the
 *                   explanation's budget: neither verified nor refuted)
 * @param detail     for a fix that is not sufficient, the first state that still fails; out of
 *                   budget, how far the judging got; else empty
 */
public record Fix(String suggestion, Outcome outcome, String detail) {

    public enum Outcome {
        @JsonProperty("verified") VERIFIED,
        @JsonProperty("not-sufficient") NOT_SUFFICIENT,
        @JsonProperty("not-verified") NOT_VERIFIED,
        @JsonProperty("out-of-budget") OUT_OF_BUDGET
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
            case OUT_OF_BUDGET -> suggestion + " — not explained within the budget:" + under + " " + detail;
        };
    }
}
