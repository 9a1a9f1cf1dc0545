package dev.crashlab.scenarios.api;

import dev.crashlab.reports.Model;
import dev.crashlab.faults.trace.IoTrace;

/**
 * Where one judgement stands in the check's deterministic walk: the fault's position in the
 * target's list, the context, and the ordinal of the crash state or pause point in it. Naming
 * those is enough to find the same scenario again, so they are the replay token.
 */
record Scenario(CrashTarget target, int fault, Model context, int ordinal, IoTrace trace) {

    /** E.g. {@code checkpoint:0:ext4-like:3}. */
    String token() {
        return target.name() + ":" + fault + ":" + context + ":" + ordinal;
    }

    String faultSuffix() {
        return fault == 0 ? "" : ", under " + target.faults().get(fault);
    }

    /** The fault and context a replay token names. */
    record Coordinates(int fault, Model context) {
    }

    /** Reads a token back, or says what is wrong with it. */
    static Coordinates parse(CrashTarget target, String token) {
        String[] parts = token.split(":", -1);
        if (parts.length != 4 || !parts[0].equals(target.name())) {
            throw new IllegalArgumentException("'" + token + "' is not a replay token of " + target.name()
                    + "; expected " + target.name() + ":FAULT:CONTEXT:ORDINAL, as printed on a counterexample");
        }
        int fault;
        try {
            fault = Integer.parseInt(parts[1]);
            Integer.parseInt(parts[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + token + "': its fault and ordinal must be numbers", e);
        }
        if (fault < 0 || fault >= target.faults().size()) {
            throw new IllegalArgumentException("'" + token + "' names fault #" + fault + " but " + target.name()
                    + " has faults #0 to #" + (target.faults().size() - 1));
        }
        return new Coordinates(fault, Model.fromWireName(parts[2]));
    }
}
