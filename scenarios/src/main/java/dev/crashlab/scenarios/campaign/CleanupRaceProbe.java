package dev.crashlab.scenarios.campaign;

import static dev.crashlab.scenarios.grade.CellTable.FAULT_FREE;

import dev.crashlab.scenarios.grade.CellTable;
import dev.crashlab.faults.crash.Roots;
import dev.crashlab.scenarios.grade.ReplayToken;
import dev.crashlab.scenarios.grade.CellKey;
import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.target.Observation;
import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.workload.Step;
import dev.crashlab.scenarios.workload.Workload;
import dev.crashlab.store.Codecs;
import dev.crashlab.store.WriteOnceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * G5 against the cleanup: a one-put workload is paused before each of its operations while
 * removeAbandonedTempFiles runs with no minimum age (every temp file counts as abandoned), in a
 * directory that also holds a dangling link and a directory with temp-like names. The cleanup must
 * finish, and the put must tell the truth: acknowledged means the key holds its value; a failure
 * that says nothing was published means the key holds nothing.
 */
record CleanupRaceProbe(Supplier<Path> freshRoot, FaultPlan base, long seed) implements Probe {

    static final int ORDINALS = 3000;

    @Override
    public void explore(StoreTarget target, int w, Workload workload, Recording fresh, CellTable cells) throws Exception {
        if (!(workload.size() == 1 && workload.steps().get(0) instanceof Step.Put p && p.value().size() < 1024)) {
            return;
        }
        Step mine = workload.steps().get(0);
        String key = mine.writtenKey();
        for (int point = 0; point < fresh.trace().size() && !cells.broken(FAULT_FREE, Guarantee.G5, Context.RACE); point++) {
            Path root = freshRoot.get();
            String[] cleanup = {""};
            Recording rec = Recording.run(target, workload, root, base.and(FaultPlan.pauseAt(point, () -> {
                // Planted and removed while the writer is paused: the run's own snapshots never see them.
                Path link = root.resolve(".dangling.0000000000000000.tmp");
                Path dir = root.resolve(".somebody.0000000000000000.tmp");
                try {
                    Files.createSymbolicLink(link, root.resolve("nowhere"));
                    Files.writeString(Files.createDirectory(dir).resolve("theirs"), "keep");
                    int removed = WriteOnceStore.builder(root, Codecs.bytes()).build()
                            .removeAbandonedTempFiles(Duration.ZERO);
                    cleanup[0] = Files.isDirectory(dir) ? "cleanup removed " + removed + " file(s)"
                            : "cleanup failed: it removed the directory " + dir.getFileName();
                } catch (Exception e) {
                    cleanup[0] = "cleanup failed: " + e.toString().replace(root + root.getFileSystem().getSeparator(), "");
                } finally {
                    try {
                        Files.deleteIfExists(link);
                        Files.deleteIfExists(dir.resolve("theirs"));
                        Files.deleteIfExists(dir);
                    } catch (java.io.IOException ignored) {
                        // left for Roots.clean
                    }
                }
            })));
            StepRecord step = rec.steps().get(0);
            Observation end = target.read(root, key);
            boolean holds = end instanceof Observation.Found f && mine.writtenValue().sameBytes(f.value());
            boolean saysNothing = !step.acknowledged() && String.valueOf(step.error()).contains("Nothing was published");
            boolean lied = step.acknowledged() && !holds || saysNothing && !(end instanceof Observation.Absent);
            if (!cleanup[0].startsWith("cleanup failed") && !lied) {
                cells.held(FAULT_FREE, Guarantee.G5, Context.RACE);
                continue;
            }
            String seen = cleanup[0] + "; " + mine + " " + (step.acknowledged() ? "acknowledged" : "failed: " + step.error())
                    + "; then " + key + ": " + end;
            int at = point;
            cells.failed(FAULT_FREE, Guarantee.G5, Context.RACE, () -> new Evidence(
                    new CellKey(target.id(), Guarantee.G5, Context.RACE), workload,
                    "writer paused before operation #" + at + " while removeAbandonedTempFiles(0) ran beside a dangling"
                            + " link and a directory with temp-like names",
                    fresh.trace(), at, true, null, "", seen,
                    "the cleanup finishes, leaves the directory alone, and the put's outcome is true of what "
                            + key + " holds", fresh.trace().get(at).site(),
                    ReplayToken.seeded(seed, target.id(), w, Context.RACE, ORDINALS + at).toString(), "").toCounterexample(),
                () -> null);
            return;
        }
    }
}
