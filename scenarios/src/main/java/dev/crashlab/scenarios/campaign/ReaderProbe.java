package dev.crashlab.scenarios.campaign;

import static dev.crashlab.scenarios.grade.CellTable.FAULT_FREE;

import dev.crashlab.scenarios.grade.CellTable;
import dev.crashlab.scenarios.grade.ReplayToken;
import dev.crashlab.scenarios.grade.CellKey;
import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.target.Observation;
import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.workload.Step;
import dev.crashlab.scenarios.workload.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * G1 at every intermediate state: the writer is paused before each operation of its trace while a
 * reader reads every key, then resumed. Deterministic; no clock involved.
 */
final class ReaderProbe implements Probe {

    private final Supplier<Path> freshRoot;
    private final FaultPlan base;
    private final long seed;
    /** Shapes already read at every pause point: the same operations and expectations read the same. */
    private final Set<TraceShape> judged = new HashSet<>();

    ReaderProbe(Supplier<Path> freshRoot, FaultPlan base, long seed) {
        this.freshRoot = freshRoot;
        this.base = base;
        this.seed = seed;
    }

    @Override
    public void explore(StoreTarget target, int w, Workload workload, Recording fresh, CellTable cells) {
        boolean clears = workload.steps().stream().anyMatch(s -> s instanceof Step.Clear);
        if (!clears && !judged.add(TraceShape.of(fresh.trace(), fresh.expectations(target)))) {
            return; // expectations do not describe deletes, so a workload with a clear is always read
        }
        cells.visited(fresh.trace().size() + 1L);
        for (int point = 0; point <= fresh.trace().size() && !cells.broken(FAULT_FREE, Guarantee.G1, Context.CONCURRENT_READER); point++) {
            Path root = freshRoot.get();
            List<String> seen = new ArrayList<>();
            List<String> allowed = new ArrayList<>();
            boolean[] ok = {true};
            int at = point;
            Runnable reader = () -> {
                for (String key : workload.keys()) {
                    Observation o = target.read(root, key);
                    Allowed a = Allowed.at(fresh, key, at);
                    seen.add(key + ": " + o);
                    allowed.add(key + ": " + a);
                    ok[0] &= a.admits(o);
                }
            };
            if (point == fresh.trace().size()) {
                Recording.run(target, workload, root, base);
                reader.run();
            } else {
                Recording.run(target, workload, root, base.and(FaultPlan.pauseAt(point, reader)));
            }
            if (ok[0]) {
                cells.held(FAULT_FREE, Guarantee.G1, Context.CONCURRENT_READER);
            } else {
                cells.failed(FAULT_FREE, Guarantee.G1, Context.CONCURRENT_READER, () -> new Evidence(
                        new CellKey(target.id(), Guarantee.G1, Context.CONCURRENT_READER), workload,
                        "writer paused before operation #" + at + " while a reader read every key",
                        fresh.trace(), at, true, null, "", String.join("; ", seen), String.join("; ", allowed),
                        at < fresh.trace().size() ? fresh.trace().get(at).site() : null,
                        ReplayToken.seeded(seed, target.id(), w, Context.CONCURRENT_READER, at).toString(), "").toCounterexample(),
                () -> clears ? null : StoreExplainer.paused(fresh.trace(), at, fresh.expectations(target)));
            }
        }
    }
}
