package dev.crashlab.scenarios.api;

import dev.crashlab.scenarios.grade.ReplayToken;
import dev.crashlab.reports.Context;
import dev.crashlab.faults.trace.IoTrace;

/**
 * Where one judgement stands in the check's deterministic walk: the fault's position in the
 * target's list, the context, and the ordinal of the crash state or pause point in it. Naming
 * those is enough to find the same scenario again, so they are the replay token.
 */
record Scenario(CrashTarget target, int fault, Context context, int ordinal, IoTrace trace) {

    /** E.g. {@code checkpoint:0:ext4-like:3}: a user target's walk is not seeded. */
    String token() {
        return ReplayToken.unseeded(target.name(), fault, context, ordinal).toString();
    }

    String faultSuffix() {
        return faultSuffixOf(target, fault);
    }

    /** ", under refuse ATOMIC_MOVE", or "" with no fault. */
    static String faultSuffixOf(CrashTarget target, int fault) {
        return fault == 0 ? "" : ", under " + target.faults().get(fault);
    }

    /** The fault and context a replay token names. */
    record Coordinates(int fault, Context context) {
    }

    /** Reads a token back, or says what is wrong with it. */
    static Coordinates parse(CrashTarget target, String token) {
        ReplayToken t = ReplayToken.parse(token, false);
        if (!t.target().equals(target.name())) {
            throw new IllegalArgumentException("'" + token + "' is not a replay token of " + target.name() + " (it names "
                    + t.target() + "); expected " + target.name() + ":FAULT:CONTEXT:ORDINAL, as printed on a counterexample");
        }
        if (t.run() >= target.faults().size()) {
            throw new IllegalArgumentException("'" + token + "' names fault #" + t.run() + " but " + target.name()
                    + " has faults #0 to #" + (target.faults().size() - 1));
        }
        return new Coordinates(t.run(), t.context());
    }
}
