package dev.crashlab.scenarios.campaign;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.faults.crash.CrashState;
import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.Materialized;
import dev.crashlab.faults.crash.Materializer;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.scenarios.check.AtomicityChecker;
import dev.crashlab.scenarios.check.Checker;
import dev.crashlab.scenarios.check.CrashCase;
import dev.crashlab.scenarios.check.Expectations;
import dev.crashlab.scenarios.explain.Explainer;
import dev.crashlab.reports.Vulnerability;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The explain stage for the store's targets: a fix is judged by the checker that found the
 * counterexample, on the edited trace, with the workload's puts moved to their edited positions.
 */
final class StoreExplainer {

    private StoreExplainer() {
    }

    /**
     * Null for G4 and G6: a replacing publish and collateral damage are what the protocol does,
     * not a window in its trace, and no edit of the trace says how to avoid them.
     */
    static Vulnerability crashState(IoTrace trace, CrashState failing, PersistenceModel model, Exploration exploration,
                                    Expectations expected, Checker checker) {
        Guarantee g = checker.guarantee();
        if (g == Guarantee.G4 || g == Guarantee.G6) {
            return null;
        }
        try (Materializer memory = Materializer.inMemory()) {
            Explainer.Judge judge = (state, position) -> passes(memory, state, expected.remapped(position), trace, checker);
            return (g == Guarantee.G5
                    ? Explainer.leftover(trace, failing.provenance(), model, exploration, judge)
                    : Explainer.crashState(trace, failing.provenance(), model, exploration, judge)).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A paused writer shows its readers the process-crash state at the pause: G1 is atomicity there. */
    static Vulnerability paused(IoTrace trace, int point, Expectations expected) {
        Checker g1 = new AtomicityChecker(Guarantee.G1);
        try (Materializer memory = Materializer.inMemory()) {
            return Explainer.pausedReader(trace, point,
                    (state, position) -> passes(memory, state, expected.remapped(position), trace, g1)).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean passes(Materializer memory, CrashState state, Expectations expected, IoTrace trace,
                                  Checker checker) {
        try (Materialized m = memory.materialize(state)) {
            return checker.check(new CrashCase(m.root(), state.provenance(), expected, trace.before())).passed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
