package dev.crashlab.reports;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where, relative to its operation, the process died. */
public enum CrashPosition {
    @JsonProperty("before") BEFORE,
    @JsonProperty("inside") INSIDE,
    @JsonProperty("after") AFTER
}
