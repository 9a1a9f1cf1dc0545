package dev.crashlab.scenarios.campaign;

import static dev.crashlab.scenarios.grade.CellTable.FAULT_FREE;

import dev.crashlab.scenarios.grade.CellTable;
import dev.crashlab.scenarios.grade.ReplayToken;
import dev.crashlab.scenarios.grade.CellKey;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.target.Observation;
import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.workload.Step;
import dev.crashlab.scenarios.workload.Workload;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * G4 with no fault at all: the workload runs step by step and every key is read after each step.
 * Once a key showed a complete value, it must show that value until a clear.
 */
final class LiveProbe implements Probe {

    private final Supplier<Path> freshRoot;
    private final long seed;

    LiveProbe(Supplier<Path> freshRoot, long seed) {
        this.freshRoot = freshRoot;
        this.seed = seed;
    }

    @Override
    public void explore(StoreTarget target, int w, Workload workload, Recording fresh, CellTable cells) throws Exception {
        if (cells.broken(FAULT_FREE, Guarantee.G4, Context.LIVE)) {
            return;
        }
        Path root = freshRoot.get();
        Map<String, Observation> shown = new HashMap<>();
        StringBuilder history = new StringBuilder();
        for (int i = 0; i < workload.size(); i++) {
            Step step = workload.steps().get(i);
            String outcome;
            try {
                target.perform(root, step);
                outcome = "returned";
            } catch (Exception e) {
                outcome = "threw " + e.getClass().getSimpleName();
            }
            history.append("step ").append(i).append(' ').append(step).append(": ").append(outcome).append('\n');
            if (step instanceof Step.Clear) {
                shown.clear();
            }
            for (String key : workload.keys()) {
                Observation now = target.read(root, key);
                Observation before = shown.get(key);
                if (before != null && !before.equals(now)) {
                    String seen = key + " showed " + before + ", then " + now + " after step " + i;
                    cells.failed(FAULT_FREE, Guarantee.G4, Context.LIVE, () -> new Evidence(
                            new CellKey(target.id(), Guarantee.G4, Context.LIVE), workload, "none (the workload ran to completion)",
                            fresh.trace(), -1, false, null, "", seen, key + " keeps " + before + " until a clear",
                            null, ReplayToken.seeded(seed, target.id(), w, Context.LIVE, 0).toString(), history.toString()).toCounterexample(),
                () -> null);
                    return;
                }
                if (now instanceof Observation.Found) {
                    shown.put(key, now);
                }
            }
        }
        cells.held(FAULT_FREE, Guarantee.G4, Context.LIVE);
    }
}
