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
import dev.crashlab.scenarios.workload.Value;
import dev.crashlab.scenarios.workload.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * G4 against a second writer: a one-put workload is paused before each of its operations while
 * another thread puts a different value to the same key. Write-once allows either put to win, but
 * not both to be acknowledged, and the key must end up holding the winner's value.
 */
final class WriterRaceProbe implements Probe {

    private static final Value RIVAL = Value.small("rival-z");

    private final Supplier<Path> freshRoot;
    private final FaultPlan base;
    private final long seed;

    WriterRaceProbe(Supplier<Path> freshRoot, FaultPlan base, long seed) {
        this.freshRoot = freshRoot;
        this.base = base;
        this.seed = seed;
    }

    @Override
    public void explore(StoreTarget target, int w, Workload workload, Recording fresh, CellTable cells) {
        if (workload.size() != 1 || workload.steps().get(0).writtenKey() == null) {
            return; // one put against one rival: every longer race is this one with more around it
        }
        Step mine = workload.steps().get(0);
        String key = mine.writtenKey();
        Step rival = new Step.Put(key, RIVAL);
        for (int point = 0; point < fresh.trace().size() && !cells.broken(FAULT_FREE, Guarantee.G4, Context.RACE); point++) {
            Path root = freshRoot.get();
            String[] rivalOutcome = {null};
            Recording rec = Recording.run(target, workload, root, base.and(FaultPlan.pauseAt(point, () -> {
                try {
                    target.perform(root, rival);
                    rivalOutcome[0] = "acknowledged";
                } catch (Exception e) {
                    rivalOutcome[0] = "refused (" + e.getClass().getSimpleName() + ")";
                }
            })));
            boolean mineAcked = rec.steps().get(0).acknowledged();
            boolean rivalAcked = "acknowledged".equals(rivalOutcome[0]);
            Observation end = target.read(root, key);
            // A put that returns has stored its value; a putIfAbsent that returns may have found the rival's.
            List<Value> winners = new ArrayList<>();
            if (mineAcked && mine instanceof Step.Put) {
                winners.add(mine.writtenValue());
            }
            if (rivalAcked) {
                winners.add(RIVAL);
            }
            boolean bothWon = winners.size() == 2 && !mine.writtenValue().equals(RIVAL);
            List<Value> mayHold = winners.isEmpty() ? List.of(mine.writtenValue(), RIVAL) : winners.subList(0, 1);
            boolean holdsWinner = end instanceof Observation.Found f
                    ? mayHold.stream().anyMatch(v -> v.sameBytes(f.value()))
                    : winners.isEmpty() && end instanceof Observation.Absent;
            if (!bothWon && holdsWinner) {
                cells.held(FAULT_FREE, Guarantee.G4, Context.RACE);
                continue;
            }
            String seen = mine + " " + (mineAcked ? "acknowledged" : "refused") + ", rival " + rival + " "
                    + rivalOutcome[0] + "; then " + key + ": " + end;
            String allowed = "at most one of the two acknowledged, and " + key + " holding its value";
            int at = point;
            cells.failed(FAULT_FREE, Guarantee.G4, Context.RACE, () -> new Evidence(
                    new CellKey(target.id(), Guarantee.G4, Context.RACE), workload,
                    "writer paused before operation #" + at + " while a second writer put " + RIVAL + " to " + key,
                    fresh.trace(), at, true, null, "", seen, allowed, fresh.trace().get(at).site(),
                    ReplayToken.seeded(seed, target.id(), w, Context.RACE, at).toString(), "").toCounterexample(),
                () -> null);
            return;
        }
    }
}
