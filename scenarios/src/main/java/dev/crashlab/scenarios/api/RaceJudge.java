package dev.crashlab.scenarios.api;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.reports.Counterexample;
import dev.crashlab.scenarios.campaign.Roots;
import dev.crashlab.reports.Model;
import dev.crashlab.reports.Guarantee;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Two writers on the same files: the target's writer is paused before each of its I/O attempts
 * while the rival writes to the end, then resumed, and the reader reads what both left. G1 under
 * context race: one writer's whole value (or the old one, if neither finished), never a mix. G4:
 * with two different values, at most one write may have been acknowledged (returned), and it is
 * the value found; both returning means one acknowledged write was silently replaced. The rival
 * runs on a harness thread: it is not recorded, crashed or faulted, only raced.
 */
final class RaceJudge {

    private RaceJudge() {
    }

    /**
     * Each writer in turn is paused at every one of its operations while the other runs: the target's
     * writer first, then its rival (pause points numbered after the writer's, so every token is unique).
     */
    static void judge(CrashTarget target, int fault, int attempts, Roots roots, Cells cells, List<String> notes) {
        cells.declare(fault, Guarantee.G1, Model.RACE);
        if (target.claims().contains(Guarantee.G4)) {
            cells.declare(fault, Guarantee.G4, Model.RACE);
        }
        judge(target, fault, attempts, 0, roots, cells, notes);
        CrashTarget swapped = target.swapped();
        PausePoint counter = PausePoint.counting();
        WriterRun.go(swapped, roots.fresh(), counter.and(target.faults().get(fault)), false);
        judge(swapped, fault, counter.attempts(), attempts, roots, cells, notes);
    }

    private static void judge(CrashTarget target, int fault, int attempts, int firstOrdinal, Roots roots, Cells cells,
                              List<String> notes) {
        FaultPlan plan = target.faults().get(fault);
        for (int p = 0; p < attempts; p++) {
            Raced r = Raced.at(target, roots.fresh(), plan, p);
            if (!r.pause.fired()) {
                notes.add(target.name() + " under " + plan + ": with a rival, attempt #" + p + " of the writer never came");
                break;
            }
            boolean mine = r.run.returned();
            List<Object> whole = Arrays.asList(target.before(), target.after(), target.rivalValue());
            Scenario s = new Scenario(target, fault, Model.RACE, firstOrdinal + p, r.run.trace());
            String story = (mine ? "the writer returned" : "the writer failed (" + r.run.result().thrown() + ")") + ", "
                    + (r.rivalReturned ? "the rival returned" : "the rival failed (" + r.rivalFailure + ")");
            cells.judge(fault, Guarantee.G1, Model.RACE, r.found.isOneOf(whole),
                    () -> raced(s, r, story, whole), () -> null);
            if (target.claims().contains(Guarantee.G4)) {
                boolean lost = mine && r.rivalReturned && !java.util.Objects.deepEquals(target.after(), target.rivalValue());
                List<Object> kept = mine && !r.rivalReturned ? Arrays.asList(target.after())
                        : r.rivalReturned && !mine ? Arrays.asList(target.rivalValue()) : whole;
                cells.judge(fault, Guarantee.G4, Model.RACE, !lost && r.found.isOneOf(kept),
                        () -> raced(s, r, story + (lost ? ": both acknowledged, one value lost" : ""), kept), () -> null);
            }
        }
    }

    private static Counterexample raced(Scenario s, Raced r, String story, List<Object> allowed) {
        Counterexample paused = Counterexamples.paused(s, r.pause.recordedAtPause(), CrashTarget.Acknowledged.NOTHING,
                r.found, Expectation.anyOf(allowed));
        return new Counterexample(paused.seed(), "writer paused before operation #" + r.pause.recordedAtPause()
                + " while the rival wrote; " + story, paused.workload(), paused.trace(), paused.crashPoint(), null,
                "after both: " + paused.readerSaw(), paused.allowed(), paused.sourceLine());
    }

    /** One run of the writer with the rival writing at one pause point. */
    private static final class Raced {
        PausePoint pause;
        WriterRun run;
        boolean rivalReturned;
        Throwable rivalFailure;
        Reading found;

        static Raced at(CrashTarget target, Path root, FaultPlan plan, int attempt) {
            Raced r = new Raced();
            PausedWriter w = PausedWriter.at(target, root, plan, attempt, () -> {
                try {
                    target.rival().run(root);
                    r.rivalReturned = true;
                } catch (Exception e) {
                    r.rivalFailure = e;
                }
            });
            r.pause = w.pause();
            r.run = w.run();
            r.found = Reading.of(target, root);
            return r;
        }
    }
}
