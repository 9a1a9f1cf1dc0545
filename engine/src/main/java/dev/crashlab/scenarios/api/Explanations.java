package dev.crashlab.scenarios.api;

import dev.crashlab.faults.crash.CrashState;
import dev.crashlab.faults.crash.Materialized;
import dev.crashlab.faults.crash.Materializer;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.crash.Roots;
import dev.crashlab.scenarios.explain.ExplainBudget;
import dev.crashlab.scenarios.explain.Explainer;
import dev.crashlab.reports.Vulnerability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The explain stage for a user's target: the oracle that judged a counterexample (the target's
 * reader against the allowed values) judges the fix's edited trace too, on disk like the original,
 * within the check's {@link ExplainBudget}.
 */
final class Explanations {

    private Explanations() {
    }

    /** @param acknowledgedOnly G3: only states the edited trace leaves after the writer returned are judged */
    static Vulnerability crash(CrashTarget target, WriterRun run, CrashState failing, PersistenceModel model,
                               boolean durability, Roots roots, ExplainBudget budget) {
        IoTrace trace = run.trace();
        try (Materializer disk = Materializer.incremental(roots.fresh())) {
            return Explainer.crashState(trace, failing.provenance(), model, target.exploration(), (state, position) -> {
                CrashTarget.Acknowledged promised = durability
                        ? run.acknowledgedAt(state.provenance().crashPoint(), position) : CrashTarget.Acknowledged.NOTHING;
                boolean judged = !durability || promised.returned()
                        || target.expectation().judgesAcknowledgements() && !promised.labels().isEmpty();
                return !judged || reads(target, disk, state, promised);
            }, budget).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * G1: a paused writer shows the reader its process-crash state at the pause; once returned, only
     * the new value. The reader that failed is judged by the same expectation on a copy of that state:
     * if it holds there, the writer locked the reader out.
     */
    static Vulnerability paused(CrashTarget target, WriterRun run, IoTrace trace, int point, Roots roots,
                                ExplainBudget budget) {
        try (Materializer disk = Materializer.incremental(roots.fresh())) {
            Explainer.Judge judge = (state, position) -> reads(target, disk, state,
                    run.acknowledgedAt(state.provenance().crashPoint(), position));
            return Explainer.lockedOut(trace, point, judge).or(() -> Explainer.pausedReader(trace, point, judge, budget))
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean reads(CrashTarget target, Materializer disk, CrashState state,
                                 CrashTarget.Acknowledged acknowledged) {
        try (Materialized m = disk.materialize(state)) {
            return target.expectation().admits(Reading.afterRecovery(target, m.root(), CrashTarget.Where.CRASH_STATE), acknowledged);
        }
    }
}
