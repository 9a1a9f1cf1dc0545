package dev.crashlab.scenarios.api;

import dev.crashlab.reports.Context;
import dev.crashlab.faults.crash.CrashState;
import dev.crashlab.faults.crash.CrashStates;
import dev.crashlab.faults.crash.Materialized;
import dev.crashlab.faults.crash.Materializer;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.crash.Roots;
import dev.crashlab.reports.Guarantee;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;

/**
 * G2 and G3 under each persistence model: every crash state the model allows for the writer's
 * trace is written out and read by the target's reader. G2: the reader finds the value from before
 * the write or the one after it. G3: a power failure right after the writer returned leaves the
 * one after it. States go to disk, not Jimfs, because a user's reader may use java.io.File.
 */
final class CrashStateJudge {

    private CrashStateJudge() {
    }

    static void judge(CrashTarget target, int fault, WriterRun run, Roots roots, Predicate<Context> contexts,
                      Cells cells) {
        CrashStates states = new CrashStates(run.trace());
        Expectation expected = target.expectation();
        for (PersistenceModel model : target.models()) {
            Context context = Context.fromWireName(model.name());
            if (!contexts.test(context)) {
                continue;
            }
            cells.declare(fault, Guarantee.G2, context);
            cells.declare(fault, Guarantee.G3, context);
            cells.visited(run.trace().size() + 1L);
            int[] ordinal = {0};
            G3Ahead g3Ahead = new G3Ahead(run, expected);
            boolean[] ranOut = {false};
            int points = run.trace().size() + 1;
            cells.clock().begin(model.name() + Scenario.faultSuffixOf(target, fault));
            Materializer disk = Materializer.incremental(roots.fresh());
            states.explore(model, target.exploration(), state -> {
                g3Ahead.at(state.provenance().crashPoint());
                cells.clock().judged((points - state.provenance().crashPoint()) / (double) points);
                Scenario s = new Scenario(target, fault, context, ordinal[0]++, run.trace());
                try (Materialized m = disk.materialize(state)) {
                    Reading saw = Reading.afterRecovery(target, m.root(), CrashTarget.Where.CRASH_STATE);
                    CrashTarget.Acknowledged nothing = CrashTarget.Acknowledged.NOTHING;
                    cells.judge(fault, Guarantee.G2, context, expected.admits(saw, nothing),
                            () -> Counterexamples.crash(s, state, saw, expected, nothing),
                            () -> Explanations.crash(target, run, state, model, false, roots, cells.explaining()));
                    CrashTarget.Acknowledged promised = run.acknowledgedAt(state.provenance().crashPoint());
                    if (promised.returned() && afterReturn(state, run)
                            || expected.judgesAcknowledgements() && !promised.labels().isEmpty()) {
                        cells.judge(fault, Guarantee.G3, context, expected.admits(saw, promised),
                                () -> Counterexamples.crash(s, state, saw, expected, promised),
                                () -> Explanations.crash(target, run, state, model, true, roots, cells.explaining()));
                    }
                }
            }, () -> cells.broken(fault, Guarantee.G2, context)
                    && (!g3Ahead.judged() || cells.broken(fault, Guarantee.G3, context))
                    || (ranOut[0] = cells.clock().over()));
            if (ranOut[0]) {
                cells.unexplored(fault, Guarantee.G2, context);
                cells.unexplored(fault, Guarantee.G3, context);
            }
            cells.clock().end();
            close(disk);
        }
    }

    /**
     * Whether states at the crash point last explored, and so at any earlier one, are judged for G3:
     * states come latest crash point first, and what was acknowledged only shrinks going back. With
     * G2 broken and G3 broken or behind, no state left can change the model's verdicts, and the
     * exploration stops: a writer whose 1 MiB value shows half written leaves hundreds of thousands
     * of distinct torn states, and judging them all would only count more of the same violation
     * while the user waits. A verdict still holding is always explored to the end.
     */
    private static final class G3Ahead {
        private final WriterRun run;
        private final Expectation expected;
        private int point = -1;
        private boolean judged = true;

        G3Ahead(WriterRun run, Expectation expected) {
            this.run = run;
            this.expected = expected;
        }

        void at(int crashPoint) {
            if (crashPoint != point) {
                point = crashPoint;
                judged = crashPoint == run.trace().size()
                        || expected.judgesAcknowledgements() && !run.acknowledgedAt(crashPoint).labels().isEmpty();
            }
        }

        boolean judged() {
            return judged;
        }
    }

    /** States are explored latest crash point first, so one reachable after the writer returned carries that point. */
    private static boolean afterReturn(CrashState state, WriterRun run) {
        return state.provenance().crashPoint() == run.trace().size();
    }

    private static void close(Materializer disk) {
        try {
            disk.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
