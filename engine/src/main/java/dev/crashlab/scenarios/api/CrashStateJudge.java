package dev.crashlab.scenarios.api;

import dev.crashlab.reports.Context;
import dev.crashlab.faults.crash.CrashState;
import dev.crashlab.faults.crash.CrashStates;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.crash.Roots;
import dev.crashlab.reports.Guarantee;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * G2 and G3 under each persistence model: every crash state the model allows for the writer's
 * trace is written out and read by the target's reader. G2: the reader finds the value from before
 * the write or the one after it. G3: a power failure right after the writer returned leaves the
 * one after it. States go to disk, not Jimfs, because a user's reader may use java.io.File; they
 * are read on every core ({@link StateReaders}) and judged in the exploration's order.
 */
final class CrashStateJudge {

    private CrashStateJudge() {
    }

    static void judge(CrashTarget target, int fault, WriterRun run, Roots roots, Predicate<Context> contexts,
                      Cells cells, List<String> notes) {
        try (StateReaders readers = new StateReaders(target, roots, notes)) {
            for (PersistenceModel model : target.models()) {
                Context context = Context.fromWireName(model.name());
                if (contexts.test(context)) {
                    new ModelJudge(target, fault, run, roots, cells, readers, model, context).judge();
                }
            }
        }
    }

    /**
     * One model's states, judged one by one in the exploration's order. Once the readers run on
     * other threads, the exploration goes on while they read, a few states ahead; a state read past
     * the one that decided the model is dropped unjudged, so the verdicts and counts are those of a
     * single thread that judged up to that state and stopped.
     */
    private static final class ModelJudge {
        private final CrashTarget target;
        private final int fault;
        private final WriterRun run;
        private final Roots roots;
        private final Cells cells;
        private final StateReaders readers;
        private final PersistenceModel model;
        private final Context context;
        private final G3Ahead g3Ahead;
        private final int points;
        private final Deque<Pending> ahead = new ArrayDeque<>();
        private int ordinal;
        private boolean decided;
        private boolean ranOut;

        private record Pending(CrashState state, Future<Judged> read) {
        }

        /** A state's reading with the oracle's answers, worked out on the thread that read it. */
        private record Judged(Reading saw, Expectation expected, boolean atomic, boolean durabilityJudged,
                              boolean durable, CrashTarget.Acknowledged promised) {
        }

        ModelJudge(CrashTarget target, int fault, WriterRun run, Roots roots, Cells cells, StateReaders readers,
                   PersistenceModel model, Context context) {
            this.target = target;
            this.fault = fault;
            this.run = run;
            this.roots = roots;
            this.cells = cells;
            this.readers = readers;
            this.model = model;
            this.context = context;
            this.g3Ahead = new G3Ahead(run, target.expectation());
            this.points = run.trace().size() + 1;
        }

        void judge() {
            cells.declare(fault, Guarantee.G2, context);
            cells.declare(fault, Guarantee.G3, context);
            cells.visited(points);
            cells.clock().begin(model.name() + Scenario.faultSuffixOf(target, fault));
            new CrashStates(run.trace()).explore(model, target.exploration(), state -> {
                if (readers.parallel()) {
                    ahead.add(new Pending(state, readers.submit(state, (saw, expected) -> judged(state, saw, expected))));
                    while (ahead.size() > readers.window() || !ahead.isEmpty() && ahead.peek().read().isDone()) {
                        judgeNext();
                    }
                } else {
                    judge(state, readers.read(state, (saw, expected) -> judged(state, saw, expected)));
                }
            }, this::stopped);
            while (!ahead.isEmpty()) {
                judgeNext();
            }
            if (ranOut) {
                cells.unexplored(fault, Guarantee.G2, context);
                cells.unexplored(fault, Guarantee.G3, context);
            }
            cells.clock().end();
        }

        /**
         * With G2 broken and G3 broken or behind (see {@link G3Ahead}), no state left can change the
         * model's verdicts; past the budget, none is judged.
         */
        private boolean stopped() {
            return decided || (ranOut = cells.clock().over());
        }

        private void judgeNext() {
            Pending next = ahead.poll();
            if (stopped()) {
                next.read().cancel(false);
                return;
            }
            judge(next.state(), StateReaders.get(next.read()));
        }

        /** G2 against nothing acknowledged; G3, where it is judged, against what was acknowledged at the crash point. */
        private Judged judged(CrashState state, Reading saw, Expectation expected) {
            CrashTarget.Acknowledged promised = run.acknowledgedAt(state.provenance().crashPoint());
            boolean durabilityJudged = promised.returned() && afterReturn(state, run)
                    || expected.judgesAcknowledgements() && !promised.labels().isEmpty();
            return new Judged(saw, expected, expected.admits(saw, CrashTarget.Acknowledged.NOTHING), durabilityJudged,
                    durabilityJudged && expected.admits(saw, promised), promised);
        }

        private void judge(CrashState state, Judged j) {
            g3Ahead.at(state.provenance().crashPoint());
            cells.clock().judged((points - state.provenance().crashPoint()) / (double) points);
            Scenario s = new Scenario(target, fault, context, ordinal++, run.trace());
            CrashTarget.Acknowledged nothing = CrashTarget.Acknowledged.NOTHING;
            cells.judge(fault, Guarantee.G2, context, j.atomic(),
                    () -> Counterexamples.crash(s, state, j.saw(), j.expected(), nothing),
                    () -> Explanations.crash(target, run, state, model, false, roots, cells.explaining()));
            if (j.durabilityJudged()) {
                cells.judge(fault, Guarantee.G3, context, j.durable(),
                        () -> Counterexamples.crash(s, state, j.saw(), j.expected(), j.promised()),
                        () -> Explanations.crash(target, run, state, model, true, roots, cells.explaining()));
            }
            decided = cells.broken(fault, Guarantee.G2, context)
                    && (!g3Ahead.judged() || cells.broken(fault, Guarantee.G3, context));
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
}
