package dev.crashlab.scenarios.campaign;

import static dev.crashlab.scenarios.grade.CellTable.FAULT_FREE;

import dev.crashlab.scenarios.grade.CellTable;
import dev.crashlab.scenarios.grade.ReplayToken;
import dev.crashlab.scenarios.grade.CellKey;
import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.run.Run;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.target.Observation;
import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.workload.Step;
import dev.crashlab.scenarios.workload.Workload;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * G1 against a deleter (seed 001): after the workload, a reader reads each key it wrote and is
 * paused just before it opens the entry, while another thread clears the store. A reader may then
 * see the value or nothing; a reader that checked first and opens second sees an exception.
 */
final class DeleterProbe implements Probe {

    private final Supplier<Path> freshRoot;
    private final FaultPlan base;
    private final long seed;
    private final Set<Set<String>> keysRead = new HashSet<>();

    DeleterProbe(Supplier<Path> freshRoot, FaultPlan base, long seed) {
        this.freshRoot = freshRoot;
        this.base = base;
        this.seed = seed;
    }

    @Override
    public void explore(StoreTarget target, int w, Workload workload, Recording fresh, CellTable cells) {
        if (cells.broken(FAULT_FREE, Guarantee.G1, Context.CONCURRENT_READER)
                || workload.steps().stream().anyMatch(s -> s instanceof Step.Clear)
                || !keysRead.add(Set.copyOf(workload.keys()))) {
            return; // what the race depends on is which keys hold entries: once per set of keys
        }
        int ordinal = 0;
        for (String key : workload.keys()) {
            int token = fresh.trace().size() + 1 + ordinal++;
            Path root = freshRoot.get();
            Recording.run(target, workload, root, base);
            Observation[] seen = new Observation[1];
            Run.with(root, FaultPlan.pauseBeforeRead(() -> {
                try {
                    target.perform(root, new Step.Clear());
                } catch (Exception e) {
                    throw new IllegalStateException("the deleter failed: " + e, e);
                }
            }), () -> seen[0] = target.read(root, key));
            Observation o = seen[0];
            Allowed allowed = Allowed.at(fresh, key, fresh.trace().size()).orAbsent();
            if (o != null && allowed.admits(o)) {
                cells.held(FAULT_FREE, Guarantee.G1, Context.CONCURRENT_READER);
            } else {
                int at = fresh.trace().size();
                cells.failed(FAULT_FREE, Guarantee.G1, Context.CONCURRENT_READER, () -> new Evidence(
                        new CellKey(target.id(), Guarantee.G1, Context.CONCURRENT_READER), workload,
                        "after the workload, a reader of " + key + " paused before its open while a deleter cleared the store",
                        fresh.trace(), at, true, null, "", key + ": " + o, key + ": " + allowed, null,
                        ReplayToken.seeded(seed, target.id(), w, Context.CONCURRENT_READER, token).toString(), "").toCounterexample(),
                () -> null);
                return;
            }
        }
    }
}
