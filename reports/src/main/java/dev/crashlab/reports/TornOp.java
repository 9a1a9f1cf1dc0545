package dev.crashlab.reports;

import java.util.Objects;

/**
 * An operation that persisted only in part in the crash state.
 *
 * @param op     index in the trace
 * @param detail what survived, e.g. "sectors 0-0 of 0-1 kept, the rest zeroed"
 */
public record TornOp(int op, String detail) {

    public TornOp {
        Objects.requireNonNull(detail, "detail");
    }
}
