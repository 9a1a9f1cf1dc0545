package dev.crashlab.scenarios.grade;

import dev.crashlab.reports.Context;

/**
 * Where a counterexample stands in its check's deterministic walk, which is enough to run exactly
 * that scenario again: {@code [SEED:]TARGET:RUN:CONTEXT:ORDINAL}. RUN is the run's position in the
 * target's walk (the built-in campaign's workload, a user target's fault), ORDINAL the crash state
 * or pause point within the context. The built-in campaign's walk is seeded, so its tokens begin
 * with the seed; a user target's walk is not, so its tokens do not. One format, one parser and one
 * printer for both.
 *
 * @param seed null for an unseeded walk
 */
public record ReplayToken(Long seed, String target, int run, Context context, int ordinal) {

    public static ReplayToken seeded(long seed, String target, int run, Context context, int ordinal) {
        return new ReplayToken(seed, target, run, context, ordinal);
    }

    public static ReplayToken unseeded(String target, int run, Context context, int ordinal) {
        return new ReplayToken(null, target, run, context, ordinal);
    }

    /**
     * Reads a token as printed on a counterexample's replay line.
     *
     * @param seeded whether the walk it names is seeded (the built-in campaign's) or not (a user target's)
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static ReplayToken parse(String text, boolean seeded) {
        String v = text.trim();
        String[] parts = v.split(":", -1);
        int head = seeded ? 1 : 0;
        if (parts.length < head + 4) {
            throw bad(text, "it is not " + (seeded ? "SEED:" : "") + "TARGET:RUN:CONTEXT:ORDINAL");
        }
        // The target is whatever lies between the seed and the last three fields: a name may hold a ':'.
        String target = String.join(":", java.util.Arrays.copyOfRange(parts, head, parts.length - 3));
        Context context;
        try {
            context = Context.fromWireName(parts[parts.length - 2]);
        } catch (IllegalArgumentException e) {
            throw bad(text, "it names no known context ('" + parts[parts.length - 2] + "')");
        }
        try {
            Long seed = seeded ? Long.valueOf(parts[0]) : null;
            int run = Integer.parseInt(parts[parts.length - 3]);
            int ordinal = Integer.parseInt(parts[parts.length - 1]);
            if (run < 0 || ordinal < 0) {
                throw bad(text, "its run and ordinal cannot be negative");
            }
            return new ReplayToken(seed, target, run, context, ordinal);
        } catch (NumberFormatException e) {
            throw bad(text, "its " + (seeded ? "seed, " : "") + "run or ordinal is not a number");
        }
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("'" + text + "' is not a replay token: " + why
                + "; copy it from a counterexample's 'replay' line");
    }

    @Override
    public String toString() {
        return (seed == null ? "" : seed + ":") + target + ":" + run + ":" + context + ":" + ordinal;
    }
}
