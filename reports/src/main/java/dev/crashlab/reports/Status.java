package dev.crashlab.reports;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the campaign concluded for one target x guarantee x model. */
public enum Status {
    /** Claimed, and every explored state satisfied the checker. */
    @JsonProperty("held") HELD("held"),
    /** Claimed (or, for a seeded bug, expected to break) and broken; a counterexample is attached. */
    @JsonProperty("violated") VIOLATED("violated"),
    /**
     * Not claimed by the target's durability option. It may still break (with a counterexample
     * attached for information): that is the price of the option, never a failure.
     */
    @JsonProperty("not-claimed") NOT_CLAIMED("not-claimed"),
    /** The guarantee means nothing for this target under this model (e.g. G7 for a plain store). */
    @JsonProperty("not-applicable") NOT_APPLICABLE("not-applicable"),
    /**
     * A time budget ran out before every state or pause point of this cell was judged, and none of
     * those judged broke it: not a pass, since what was not explored may break it.
     */
    @JsonProperty("incomplete") INCOMPLETE("incomplete");

    private final String wireName;

    Status(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
