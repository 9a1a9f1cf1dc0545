package dev.crashlab.scenarios.property;

import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.scenarios.campaign.Campaign;
import dev.crashlab.scenarios.campaign.Recording;
import dev.crashlab.faults.crash.Roots;
import dev.crashlab.scenarios.check.CheckResult;
import dev.crashlab.scenarios.check.CrashChecks;
import dev.crashlab.scenarios.check.Expectations;
import dev.crashlab.scenarios.target.Observation;
import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.target.Target;
import dev.crashlab.scenarios.workload.Step;
import dev.crashlab.scenarios.workload.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges one generated workload the way the campaign does: the workload runs once under
 * instrumentation ({@link Recording}, with moves that do not ask for atomicity performed as a copy,
 * as the campaign records them), and every crash state each persistence model allows for its trace
 * is judged by the G1-G6 checkers ({@link CrashChecks}). Plus a live check against {@link Model}.
 *
 * <p>The crash checkers expect write-once keys, so a workload is judged in epochs split at its
 * clears: each epoch is recorded on a fresh root that the steps before it (clears included) were
 * first performed on, uninstrumented. The clears themselves are judged live only, as in the
 * campaign.
 */
final class Judge implements AutoCloseable {

    private final Target target;
    private final StoreTarget settings;
    private final Roots roots = new Roots("property");

    /**
     * @param target   the code under test
     * @param settings the durability option and protocols the target runs with (what a fresh
     *                 writer and reader use on a crash state, and which guarantees are claimed)
     */
    Judge(Target target, StoreTarget settings) {
        this.target = target;
        this.settings = settings;
    }

    /**
     * Every claimed guarantee a crash state broke, one line each (empty when all held). Guarantees
     * the durability option does not claim may break ("not claimed") without being listed.
     */
    List<String> crashViolations(Workload workload, List<PersistenceModel> models, Exploration exploration) {
        List<String> out = new ArrayList<>();
        List<Step> steps = workload.steps();
        int from = 0;
        for (int i = 0; i <= steps.size(); i++) {
            if (i == steps.size() || steps.get(i) instanceof Step.Clear) {
                if (i > from) {
                    judgeEpoch(steps.subList(0, from), new Workload(steps.subList(from, i)), models, exploration, out);
                }
                from = i + 1;
            }
        }
        clean();
        return out;
    }

    private void judgeEpoch(List<Step> before, Workload epoch, List<PersistenceModel> models, Exploration exploration,
                            List<String> out) {
        Path root = fresh();
        for (Step s : before) {
            try {
                target.perform(root, s);
            } catch (Exception refused) {
                // the live check judges how each step ends; here the steps only set the scene
            }
        }
        Recording rec = Recording.run(target, epoch, root, Campaign.NON_ATOMIC_MOVES);
        if (rec.result().thrown() != null || !rec.result().unseen().isEmpty()) {
            out.add("epoch " + Generators.describe(epoch) + ": the recorded run is unusable: thrown "
                    + rec.result().thrown() + ", unseen " + rec.result().unseen());
            return;
        }
        Expectations expected = rec.expectations(settings);
        if (expected.puts().isEmpty()) {
            return;
        }
        for (PersistenceModel model : models) {
            for (CheckResult r : CrashChecks.run(rec.trace(), expected, model, exploration)) {
                if (r.status() == dev.crashlab.reports.Status.VIOLATED) {
                    out.add("epoch " + Generators.describe(epoch) + ": " + r.describe());
                }
            }
        }
    }

    /**
     * Runs the workload with no fault and, after every step, reads every key it names: each step
     * must end as {@link Model} says and each read must show what the model holds.
     */
    List<String> liveViolations(Workload workload, boolean serializerThrows) {
        Path root = fresh();
        Model model = new Model(serializerThrows);
        List<String> out = new ArrayList<>();
        List<Step> steps = workload.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Model.Outcome expected = model.apply(step);
            Exception thrown = null;
            try {
                target.perform(root, step);
            } catch (Exception e) {
                thrown = e;
            }
            if (!Model.matches(expected, thrown)) {
                out.add("step " + i + " " + Generators.describe(step) + ": expected " + expected + ", got "
                        + (thrown == null ? "a normal return" : thrown));
            }
            for (String key : workload.keys()) {
                Observation seen = target.read(root, key);
                if (!model.admits(key, seen)) {
                    out.add("after step " + i + " " + Generators.describe(step) + ": " + Generators.quote(key)
                            + " showed " + seen + ", expected " + model.expected(key));
                }
            }
        }
        clean();
        return out;
    }

    private Path fresh() {
        return roots.fresh();
    }

    private void clean() {
        roots.clean();
    }

    @Override
    public void close() {
        roots.close();
    }
}
