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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * G4 when two writers race over an invalid entry, the state a crash leaves for the next writers:
 * the key's entry is truncated before the run, the one-put workload is paused before each of its
 * operations, and a second writer puts another value to the key; in the second variant a person
 * first deletes the invalid file by hand, as the error message advises. At most one of the two
 * puts may be acknowledged, and the key must hold the acknowledged value.
 */
final class InvalidEntryRaceProbe implements Probe {

    /** Ordinals of replay tokens, beside the second-writer race's pause points. */
    static final int OVER_INVALID = 1000;
    static final int OVER_DELETED = 2000;
    private static final Value RIVAL = Value.small("rival-z");
    private static final String KEY = "k1";

    private final Supplier<Path> freshRoot;
    private final FaultPlan base;
    private final long seed;
    private final boolean[] deletedByHand;

    InvalidEntryRaceProbe(Supplier<Path> freshRoot, FaultPlan base, long seed) {
        this(freshRoot, base, seed, false, true);
    }

    /** Only the variants given: with the invalid entry left in place (false), deleted by hand first (true). */
    InvalidEntryRaceProbe(Supplier<Path> freshRoot, FaultPlan base, long seed, boolean... deletedByHand) {
        this.freshRoot = freshRoot;
        this.base = base;
        this.seed = seed;
        this.deletedByHand = deletedByHand.clone();
    }

    @Override
    public void explore(StoreTarget target, int w, Workload workload, Recording fresh, CellTable cells) throws Exception {
        if (!(workload.size() == 1 && workload.steps().get(0) instanceof Step.Put p && p.key().equals(KEY)
                && p.value().size() < 1024)) {
            return; // the race is in the protocol's steps, not in the value: one small put stands for all
        }
        for (boolean deleted : deletedByHand) {
            Path first = freshRoot.get();
            Damaged.entry(target, first, KEY);
            Recording unpaused = Recording.run(target, workload, first, base);
            for (int point = 0; point < unpaused.trace().size() && !cells.broken(FAULT_FREE, Guarantee.G4, Context.RACE); point++) {
                if (raceAt(target, w, workload, unpaused, point, deleted, cells)) {
                    return;
                }
            }
        }
    }

    /** True when the race at {@code point} broke G4 (the cell then has its counterexample). */
    private boolean raceAt(StoreTarget target, int w, Workload workload, Recording unpaused, int point, boolean deleted,
                           CellTable cells) throws Exception {
        Step mine = workload.steps().get(0);
        Path root = freshRoot.get();
        Path entry = Damaged.entry(target, root, KEY);
        int truncated = (int) Files.size(entry);
        String[] rival = {""};
        Recording rec = Recording.run(target, workload, root, base.and(FaultPlan.pauseAt(point, () -> {
            try {
                if (deleted) {
                    rival[0] = Damaged.deleteByHand(entry, truncated) ? "invalid file deleted by hand; " : "";
                }
                target.perform(root, new Step.Put(KEY, RIVAL));
                rival[0] += "rival acknowledged";
            } catch (Exception e) {
                rival[0] += "rival refused (" + e.getClass().getSimpleName() + ")";
            }
        })));
        boolean mineAcked = rec.steps().get(0).acknowledged();
        boolean rivalAcked = rival[0].endsWith("rival acknowledged");
        Observation end = target.read(root, KEY);
        Value winner = mineAcked ? mine.writtenValue() : rivalAcked ? RIVAL : null;
        boolean holdsWinner = winner == null || end instanceof Observation.Found f && winner.sameBytes(f.value());
        if (!(mineAcked && rivalAcked) && holdsWinner) {
            cells.held(FAULT_FREE, Guarantee.G4, Context.RACE);
            return false;
        }
        String seen = mine + " " + (mineAcked ? "acknowledged" : "refused") + "; " + rival[0] + "; then " + KEY + ": " + end;
        String what = deleted ? "the invalid entry deleted by hand, then a second writer put " : "a second writer put ";
        int ordinal = (deleted ? OVER_DELETED : OVER_INVALID) + point;
        cells.failed(FAULT_FREE, Guarantee.G4, Context.RACE, () -> new Evidence(
                new CellKey(target.id(), Guarantee.G4, Context.RACE), workload,
                KEY + "'s entry truncated before the run (an invalid entry); writer paused before operation #" + point
                        + " while " + what + RIVAL + " to " + KEY,
                unpaused.trace(), point, true, null, "", seen,
                "at most one of the two acknowledged, and " + KEY + " holding its value", unpaused.trace().get(point).site(),
                ReplayToken.seeded(seed, target.id(), w, Context.RACE, ordinal).toString(), "").toCounterexample(),
                () -> null);
        return true;
    }
}
