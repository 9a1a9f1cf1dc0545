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
 */
public record Counterexample(
        String seed,
        String fault,
        List<String> workload,
        List<TraceOp> trace,
        CrashPoint crashPoint,
        Provenance provenance,
        String readerSaw,
        List<String> allowed,
        String sourceLine) {

    public Counterexample {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(readerSaw, "readerSaw");
        workload = workload == null ? List.of() : List.copyOf(workload);
        trace = trace == null ? List.of() : List.copyOf(trace);
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    /**
     * How to replay it. A user target's token (from the API or {@code check --target}) is
     * TARGET:FAULT:CONTEXT:ORDINAL and is replayed where the target is in hand, through the API;
     * every other token is the built-in campaign's, which {@code ./crashlab replay} re-runs.
     */
    public String replayCommand() {
        String[] parts = seed.split(":", -1);
        boolean userTarget = parts.length == 4 && parts[1].matches("\\d+") && parts[3].matches("\\d+");
        return userTarget ? "CrashCheck.replay(target, \"" + seed + "\")" : "./crashlab replay " + seed;
    }

    /** The plain-text form printed by failing tests and by {@code ./crashlab replay}. */
    public String describe() {
        return CounterexampleText.of(this);
    }

    /** As {@link #describe()}, worded for the model it was found under (a reader's pause is no crash). */
    public String describe(Model model) {
        return CounterexampleText.of(this, model);
    }
}
