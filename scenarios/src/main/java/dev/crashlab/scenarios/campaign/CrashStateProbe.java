package dev.crashlab.scenarios.campaign;

import static dev.crashlab.scenarios.grade.CellTable.FAULT_FREE;

import dev.crashlab.scenarios.grade.CellTable;
import dev.crashlab.scenarios.grade.ReplayToken;
import dev.crashlab.scenarios.grade.CellKey;
import dev.crashlab.reports.Context;
import dev.crashlab.faults.crash.CrashState;
import dev.crashlab.faults.crash.CrashStates;
import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.Materialized;
import dev.crashlab.faults.crash.Materializer;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.crash.Provenance;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.scenarios.check.CheckResult;
import dev.crashlab.scenarios.check.Checker;
import dev.crashlab.scenarios.check.CrashCase;
import dev.crashlab.scenarios.check.CrashChecks;
import dev.crashlab.scenarios.check.Expectations;
import dev.crashlab.scenarios.check.ReadingMemo;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.workload.Step;
import dev.crashlab.scenarios.workload.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * Every crash state each persistence model allows for the recorded trace, judged by the G1-G6
 * checkers. States are built in memory; a model whose cells are all decided is skipped.
 */
final class CrashStateProbe implements Probe {

    private final List<PersistenceModel> models;
    private final Exploration exploration;
    private final long seed;
    /** Shapes already judged for this probe's target: the same shape leaves the same states and verdicts. */
    private final Set<TraceShape> judged = new HashSet<>();

    CrashStateProbe(List<PersistenceModel> models, Exploration exploration, long seed) {
        this.models = models;
        this.exploration = exploration;
        this.seed = seed;
    }

    @Override
    public void explore(StoreTarget target, int w, Workload workload, Recording rec, CellTable cells) {
        if (workload.steps().stream().anyMatch(s -> s instanceof Step.Clear)) {
            return; // the crash checkers' expectations assume write-once keys; clears are judged live
        }
        Expectations expected = rec.expectations(target);
        IoTrace trace = rec.trace();
        if (!judged.add(TraceShape.of(trace, expected))) {
            return; // workloads come shortest first, so the first of a shape gave the smallest counterexample
        }
        CrashStates states = new CrashStates(trace);
        // One file system and one memo for every model: the models' states of a trace repeat one
        // another's entries, and a reading depends on the entry's bytes and path, not on the model.
        ReadingMemo memo = new ReadingMemo();
        try (Materializer materializer = Materializer.inMemory()) {
            for (PersistenceModel model : models) {
                Context context = Context.fromWireName(model.name());
                List<Checker> checkers = CrashChecks.checkersFor(model);
                if (checkers.stream().allMatch(c -> cells.brokenBefore(FAULT_FREE, c.guarantee(), context, w))) {
                    continue;
                }
                cells.visited(trace.size() + 1L);
                int[] ordinal = {0};
                states.explore(model, exploration, state -> judge(target, w, rec, expected, model, checkers,
                        materializer, memo, state, ordinal[0]++, cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void judge(StoreTarget target, int w, Recording rec, Expectations expected, PersistenceModel model,
                       List<Checker> checkers, Materializer materializer, ReadingMemo memo, CrashState state, int ordinal,
                       CellTable cells) {
        Context context = Context.fromWireName(model.name());
        try (Materialized m = materializer.materialize(state)) {
            CrashCase crashCase = new CrashCase(m.root(), state, expected, rec.trace().before(), memo);
            for (Checker checker : checkers) {
                if (cells.brokenBefore(FAULT_FREE, checker.guarantee(), context, w)) {
                    continue; // an earlier, shorter workload broke it; this one cannot give a smaller example
                }
                CheckResult r = checker.check(crashCase);
                Guarantee g = r.guarantee();
                if (r.passed()) {
                    cells.held(FAULT_FREE, g, context);
                } else {
                    Provenance p = state.provenance();
                    long rank = (long) p.crashPoint() << 20 | Math.min(p.persisted().size(), (1 << 20) - 1);
                    cells.judge(FAULT_FREE, g, context, false, w, rank,
                            () -> example(target, g, model, w, rec, state, ordinal, r).toCounterexample(),
                            () -> StoreExplainer.crashState(rec.trace(), state, model, exploration, expected, checker));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Evidence example(StoreTarget target, Guarantee g, PersistenceModel model, int w, Recording rec,
                                   CrashState state, int ordinal, CheckResult r) {
        int point = state.provenance().crashPoint();
        String site = point > 0 ? rec.trace().get(point - 1).site() : null;
        Context context = Context.fromWireName(model.name());
        String fault = (context.isPowerFailure() ? "power failure" : "process crash")
                + " after " + point + " of " + rec.trace().size() + " operations, " + model.name() + " model";
        return new Evidence(new CellKey(target.id(), g, context), rec.workload(), fault, rec.trace(), point,
                false, state.provenance(), state.contents().toString(), r.seen(), r.allowed(), site,
                ReplayToken.seeded(seed, target.id(), w, context, ordinal).toString(), "");
    }

}
