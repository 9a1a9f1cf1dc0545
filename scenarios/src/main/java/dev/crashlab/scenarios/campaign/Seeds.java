package dev.crashlab.scenarios.campaign;

import dev.crashlab.reports.Model;

/**
 * Replay tokens. A counterexample is found by a deterministic walk, so naming its coordinates in
 * that walk (campaign seed, target, workload ordinal, context, ordinal within the context) is
 * enough to run exactly that scenario again.
 */
public final class Seeds {

    private Seeds() {
    }

    public static String token(long seed, String target, int workload, Model context, int ordinal) {
        return seed + ":" + target + ":" + workload + ":" + context + ":" + ordinal;
    }
}
