package dev.crashlab.reports;

import java.util.List;
import java.util.Objects;

/**
 * The smallest workload + fault + crash state found that breaks a guarantee, replayable from its
 * seed.
 *
 * @param seed        replays this counterexample: {@code ./crashlab replay SEED}. A token naming the
 *                    scenario's coordinates in the campaign's deterministic walk, e.g.
 *                    {@code 42:stream-to-final:3:process-crash:7}.
 * @param fault       what was injected, e.g. "power failure after the put returned"
 * @param workload    the workload's steps, e.g. "put(k1, 'v1', FILE_AND_DIRECTORY)"
 * @param trace       the numbered I/O trace the workload performed
 * @param crashPoint  where the process died or the writer paused; null for faults without one
 * @param provenance  how the crash state was made from the trace; null without a crash state
 * @param readerSaw   what the reader (or the recovery) observed
 * @param allowed     what the guarantee allowed it to observe
 * @param sourceLine  the target's source line responsible, e.g. "Foo.put(Foo.java:42)"; may be null
 * @param vulnerability why it exists and the fix crashlab verified; null when no class explains it
 */
public record Counterexample(
        String seed,
        String fault,
        List<String> workload,
        List<TraceOp> trace,
        CrashPoint crashPoint,
        Fates provenance,
        String readerSaw,
        List<String> allowed,
        String sourceLine,
        Vulnerability vulnerability) {

    public Counterexample {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(readerSaw, "readerSaw");
        workload = workload == null ? List.of() : List.copyOf(workload);
        trace = trace == null ? List.of() : List.copyOf(trace);
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    /** A counterexample nothing has explained yet. */
    public Counterexample(String seed, String fault, List<String> workload, List<TraceOp> trace, CrashPoint crashPoint,
                          Fates provenance, String readerSaw, List<String> allowed, String sourceLine) {
        this(seed, fault, workload, trace, crashPoint, provenance, readerSaw, allowed, sourceLine, null);
    }

    /**
     * Explained: the source line becomes the one the vulnerability is about (where the fix goes),
     * not the last operation before the crash.
     */
    public Counterexample explainedBy(Vulnerability why) {
        if (why == null) {
            return this;
        }
        return new Counterexample(seed, fault, workload, trace, crashPoint, provenance, readerSaw, allowed,
                why.site() != null ? why.site() : sourceLine, why);
    }

    /**
     * How to replay it. Tokens are {@code [SEED:]TARGET:RUN:CONTEXT:ORDINAL}: a user target's walk is
     * not seeded, so its token has four fields and is replayed where the target is in hand, through
     * the API (or {@code ./crashlab replay TOKEN --target CLASS}); the built-in campaign's begins with
     * its seed, and {@code ./crashlab replay} re-runs it. A generated sequence's token names the
     * sequence in its target ({@code kv+put-0-0+compact:0:ext4-like:3}): it is replayed by the
     * sequence check that generated it, which rebuilds the sequence's target from the token.
     */
    public String replayCommand() {
        String[] parts = seed.split(":", -1);
        boolean userTarget = parts.length == 4 && parts[1].matches("\\d+") && parts[3].matches("\\d+");
        if (userTarget && parts[0].contains("+")) {
            return "sequences.replay(\"" + seed + "\")";
        }
        return userTarget ? "CrashCheck.replay(target, \"" + seed + "\")" : "./crashlab replay " + seed;
    }

    /** The plain-text form printed by failing tests and by {@code ./crashlab replay}. */
    public String describe() {
        return CounterexampleText.of(this);
    }

    /** As {@link #describe()}, worded for the model it was found under (a reader's pause is no crash). */
    public String describe(Context model) {
        return CounterexampleText.of(this, model);
    }
}
