package dev.crashlab.scenarios.api;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.reports.Counterexample;
import dev.crashlab.faults.crash.Roots;
import dev.crashlab.scenarios.explain.Explainer;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Several writers on the same files, raced two at a time: each writer in turn is paused before each
 * of its I/O attempts while another one writes to the end, then it resumes, and the reader reads
 * what the two left. G1 under context race: one writer's whole value (or the old one, if neither
 * finished), never a mix. G4: of two different values, at most one write may have been
 * acknowledged (returned), and it is the value found; both returning means one acknowledged write
 * was silently replaced. A target judged by an oracle has no such values: its
 * {@link CrashTarget.RaceOracle} is asked instead, for G1 and G4, with what the reader found.
 *
 * <p>The bound: one writer paused at one point, one other writer run whole meanwhile, for every
 * ordered pair of writers; the other writers sit that run out. That is one run per I/O point of each
 * writer and each other writer (N writers: N - 1 runs per point), and it is the shape of the races
 * storage code loses to: a writer stopped inside its window (temp file written, not yet renamed;
 * target unlinked, not yet replaced) while another completes its whole write. Running a third
 * writer to the end as well adds no race of that shape and can hide one: it writes a fresh file
 * and renames it over whatever mix the first two left, before the reader looks. Pausing two
 * writers at once multiplies the runs by the points for races that need three writers to meet.
 * The racing writer runs on a harness thread: it is not recorded, crashed or faulted, only raced.
 */
final class RaceJudge {

    private RaceJudge() {
    }

    /**
     * Each writer in turn is paused at every one of its operations while each other writer runs:
     * the target's writer first, then each rival, in the order declared (pause points numbered on
     * from the previous pair's, so every token is unique).
     */
    static void judge(CrashTarget target, int fault, int attempts, Roots roots, Cells cells, List<String> notes) {
        cells.declare(fault, Guarantee.G1, Context.RACE);
        if (target.claims().contains(Guarantee.G4)) {
            cells.declare(fault, Guarantee.G4, Context.RACE);
        }
        int writers = target.writers().size();
        int first = 0;
        cells.clock().begin("race" + Scenario.faultSuffixOf(target, fault));
        for (int paused = 0; paused < writers; paused++) {
            int points = attempts;
            if (paused > 0) {
                PausePoint counter = PausePoint.counting();
                WriterRun.go(target.pairing(paused, 0), roots.fresh(), counter.and(target.faults().get(fault)), false);
                points = counter.attempts();
            }
            for (int racing = 0; racing < writers; racing++) {
                if (racing != paused) {
                    judge(target.pairing(paused, racing), new Pair(paused, racing, writers), fault, points, first,
                            roots, cells, notes);
                    first += points;
                }
            }
        }
        cells.clock().end();
    }

    /** Which of the target's writers is paused and which races it, by their place in the builder. */
    private record Pair(int paused, int racing, int writers) {
        /** "the writer", "the rival" (the only one), "rival 2": as the builder declared them. */
        String name(int writer) {
            return writer == 0 ? "the writer" : writers == 2 ? "the rival" : "rival " + writer;
        }
    }

    private static void judge(CrashTarget pair, Pair who, int fault, int attempts, int firstOrdinal, Roots roots,
                              Cells cells, List<String> notes) {
        FaultPlan plan = pair.faults().get(fault);
        CrashTarget.Rival racing = pair.rivals().get(0);
        List<Object> whole = Arrays.asList(pair.before(), pair.after(), racing.value());
        dev.crashlab.faults.trace.IoTrace[] previous = {null};
        for (int p = 0; p < attempts; p++) {
            if (cells.clock().over()) {
                cells.unexplored(fault, Guarantee.G1, Context.RACE);
                cells.unexplored(fault, Guarantee.G4, Context.RACE);
                break;
            }
            Raced r = Raced.at(pair, racing, roots.fresh(), plan, p);
            if (!r.pause.fired()) {
                notes.add(pair.name() + " under " + plan + ": racing " + who.name(who.racing()) + ", attempt #" + p
                        + " of " + who.name(who.paused()) + " never came");
                break;
            }
            boolean mine = r.run.returned();
            Scenario s = new Scenario(pair, fault, Context.RACE, firstOrdinal + p, r.run.trace());
            String story = (outcome(who.name(who.paused()), mine ? null : r.run.result().thrown()) + ", "
                    + outcome(who.name(who.racing()), r.racerFailure)).replace(r.run.root().toString(), "<root>");
            // another run of the same writer: a temp name both used is fixed, so the racing writer used it too
            dev.crashlab.faults.trace.IoTrace same = previous[0] != null ? previous[0] : r.run.trace();
            previous[0] = r.run.trace();
            int at = r.pause.recordedAtPause();
            cells.clock().judged((p + 1.0) / attempts);
            CrashTarget.RaceOracle<?> oracle = pair.raceOracle();
            if (oracle != null) {
                // no value says what two writers leave: the target's race oracle does, for each guarantee
                for (Guarantee g : pair.claims().contains(Guarantee.G4) ? List.of(Guarantee.G1, Guarantee.G4)
                        : List.of(Guarantee.G1)) {
                    Expectation allowed = Expectation.race(oracle, g);
                    boolean held = allowed.admits(r.found, CrashTarget.Acknowledged.NOTHING);
                    cells.judge(fault, g, Context.RACE, held, () -> raced(s, r, who, story, allowed),
                            () -> Explainer.race(r.run.trace(), at, g == Guarantee.G4, same).orElse(null));
                }
                continue;
            }
            cells.judge(fault, Guarantee.G1, Context.RACE, r.found.isOneOf(whole),
                    () -> raced(s, r, who, story, Expectation.anyOf(whole)),
                    () -> Explainer.race(r.run.trace(), at, false, same).orElse(null));
            if (pair.claims().contains(Guarantee.G4)) {
                boolean theirs = r.racerFailure == null;
                boolean lost = mine && theirs && !Objects.deepEquals(pair.after(), racing.value());
                List<Object> kept = mine && !theirs ? Arrays.asList(pair.after())
                        : theirs && !mine ? Arrays.asList(racing.value()) : whole;
                cells.judge(fault, Guarantee.G4, Context.RACE, !lost && r.found.isOneOf(kept),
                        () -> raced(s, r, who, story + (lost ? ": both acknowledged, one value lost" : ""),
                                Expectation.anyOf(kept)),
                        () -> Explainer.race(r.run.trace(), at, lost, same).orElse(null));
            }
        }
    }

    private static String outcome(String who, Throwable failure) {
        return who + (failure == null ? " returned" : " failed (" + failure + ")");
    }

    private static Counterexample raced(Scenario s, Raced r, Pair who, String story, Expectation allowed) {
        Counterexample paused = Counterexamples.paused(s, r.pause.recordedAtPause(), CrashTarget.Acknowledged.NOTHING,
                r.found, allowed);
        String pausedName = who.paused() == 0 ? "writer" : who.name(who.paused());
        return Counterexamples.retold(paused, pausedName + " paused before operation #" + r.pause.recordedAtPause()
                + " while " + who.name(who.racing()) + " wrote; " + story, "after both: " + paused.readerSaw());
    }

    /** One run of one writer paused at one pause point, another writing meanwhile. */
    private static final class Raced {
        PausePoint pause;
        WriterRun run;
        Throwable racerFailure;
        Reading found;

        static Raced at(CrashTarget pair, CrashTarget.Rival racing, Path root, FaultPlan plan, int attempt) {
            Raced r = new Raced();
            PausedWriter w = PausedWriter.at(pair, root, plan, attempt, () -> {
                try {
                    racing.writer().run(root);
                } catch (Exception e) {
                    r.racerFailure = e;
                }
            });
            r.pause = w.pause();
            r.run = w.run();
            r.found = Reading.afterRecovery(pair, root, CrashTarget.Where.LIVE);
            return r;
        }
    }
}
