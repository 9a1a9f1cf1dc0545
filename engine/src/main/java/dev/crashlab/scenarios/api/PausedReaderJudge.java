package dev.crashlab.scenarios.api;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.reports.Counterexample;
import dev.crashlab.faults.crash.Roots;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.faults.trace.IoTrace;
import java.nio.file.Path;
import java.util.List;

/**
 * G1: the writer is paused before each I/O attempt while the reader reads on another thread, then
 * resumed (one run for all of them, or with a recovery one run per pause point on a fresh root); the reader must find the value from
 * before the write or the one after it. Once the writer has returned, it must find the one after
 * it. Deterministic: the writer waits for the reader, no clock involved.
 *
 * <p>A target with a recovery runs it on the live files before each of those readings, as a second
 * process opening the store would, and its effect on the files stays: after the writer resumed and
 * finished, the reader (after the recovery again) must find what the writer promised. A recovery
 * that is right after a restart but wrong beside a live writer (it moves the file the writer still
 * appends to, it deletes a temp file the writer is about to rename) is caught there.
 */
final class PausedReaderJudge {

    private PausedReaderJudge() {
    }

    /**
     * @param attempts the pause points the recorded run offered
     * @param recorded the recorded run, whose root holds what the writer left when it returned
     */
    static void judge(CrashTarget target, int fault, int attempts, WriterRun recorded, Roots roots, Cells cells,
                      List<String> notes) {
        FaultPlan plan = target.faults().get(fault);
        Expectation expected = target.expectation();
        cells.declare(fault, Guarantee.G1, Context.CONCURRENT_READER);
        boolean brokenWriterNoted = false;
        cells.clock().begin(Context.CONCURRENT_READER.wireName() + Scenario.faultSuffixOf(target, fault));
        int from = target.recovers() ? 0 : inOneRun(target, fault, attempts, recorded, roots, cells, notes);
        int waited = 0;
        int judged = from;
        for (int p = from; p < attempts; p++) {
            if (cells.clock().over()) {
                cells.unexplored(fault, Guarantee.G1, Context.CONCURRENT_READER);
                break;
            }
            cells.clock().judged((p + 1.0) / attempts);
            PausedRun paused = PausedRun.at(target, roots.fresh(), plan, p);
            if (!paused.pause.fired()) {
                notes.add(target.name() + " under " + plan + ": the writer did less I/O than when recorded (attempt #"
                        + p + " never came); I/O on threads it did not start is not paused");
                break;
            }
            int at = paused.pause.recordedAtPause();
            judged++;
            waited += paused.waited ? 1 : 0;
            Scenario s = new Scenario(target, fault, Context.CONCURRENT_READER, p, paused.run.trace());
            CrashTarget.Acknowledged promised = recorded.acknowledgedAt(at).beforeReturn();
            cells.judge(fault, Guarantee.G1, Context.CONCURRENT_READER, expected.admits(paused.saw, promised),
                    () -> paused.told(Counterexamples.paused(s, at, promised, paused.saw, expected), at, s, roots),
                    () -> Explanations.paused(target, recorded, paused.run.trace(), at, roots, cells.explaining()));
            if (target.recovers()) {
                Scenario then = new Scenario(target, fault, Context.CONCURRENT_READER, attempts + 1 + p,
                        paused.run.trace());
                CrashTarget.Acknowledged end = paused.run.acknowledgedAt(paused.run.trace().size());
                cells.judge(fault, Guarantee.G1, Context.CONCURRENT_READER, expected.admits(paused.end, end),
                        () -> paused.resumed(Counterexamples.paused(then, paused.run.trace().size(), end, paused.end,
                                expected), at, then, roots), () -> null);
                if (!paused.run.returned() && recorded.returned() && !brokenWriterNoted) {
                    brokenWriterNoted = true;
                    notes.add(target.name() + " under " + plan + ": the writer failed once the recovery had run while"
                            + " it was paused before operation #" + at + " (" + paused.run.result().thrown()
                            + "): a live writer and the recovery of a second process do not mix");
                }
            }
        }
        if (waited > 0 && !target.readersWaitForWriter()) {
            notes.add(target.name() + " under " + plan + ": the reader waited for the paused writer at " + waited + " of "
                    + judged + " pause points, so those points judged what it read once the writer went on; if its"
                    + " readers wait for the writer by design, declare .readersWaitForWriter()");
        }
        if (recorded.returned()) {
            Reading saw = Reading.afterRecovery(target, recorded.root(), CrashTarget.Where.LIVE);
            Scenario s = new Scenario(target, fault, Context.CONCURRENT_READER, attempts, recorded.trace());
            CrashTarget.Acknowledged all = recorded.acknowledgedAt(recorded.trace().size());
            cells.judge(fault, Guarantee.G1, Context.CONCURRENT_READER, expected.admits(saw, all),
                    () -> Counterexamples.paused(s, recorded.trace().size(), all, saw, expected), () -> null);
        }
        cells.clock().end();
    }

    /**
     * Without a recovery the reader only reads, so what it finds at a pause point does not depend on
     * the readings before: one run of the writer, paused at each point in turn, judges them all, where
     * a run per point cost the square of the writer's length (a log of 1,000 records: 3,000 runs of
     * 3,000 operations). Failures are judged once the run has ended, with its whole trace, in the
     * order they came; a reader that waits on the paused writer (a lock both take) hands that point
     * and the later ones back to a run each.
     *
     * @return the first pause point still to judge, one run each: {@code attempts} when none is left
     */
    private static int inOneRun(CrashTarget target, int fault, int attempts, WriterRun recorded, Roots roots,
                                Cells cells, List<String> notes) {
        FaultPlan plan = target.faults().get(fault);
        Expectation expected = target.expectation();
        Path root = roots.fresh();
        Failed[] first = {null};
        int[] failedMore = {0};
        int[] judged = {0};
        // Once the budget has run out no reader looks: the writer runs on to its end unpaused.
        PausedWriter.Each each = PausedWriter.atEach(target, root, plan,
                () -> cells.clock().over() ? null : Reading.of(target, root, CrashTarget.Where.LIVE),
                (attempt, at, saw) -> {
                    cells.clock().judged((attempt + 1.0) / attempts);
                    CrashTarget.Acknowledged promised = recorded.acknowledgedAt(at).beforeReturn();
                    if (expected.admits(saw, promised)) {
                        cells.judge(fault, Guarantee.G1, Context.CONCURRENT_READER, true, () -> null, () -> null);
                    } else if (first[0] == null) {
                        first[0] = new Failed(attempt, at, saw, promised);
                    } else {
                        failedMore[0]++; // only the first becomes the counterexample: the others are counted, not kept
                    }
                    judged[0] = attempt + 1;
                });
        IoTrace trace = each.run().trace();
        Failed f = first[0];
        if (f != null) {
            Scenario s = new Scenario(target, fault, Context.CONCURRENT_READER, f.attempt(), trace);
            cells.judge(fault, Guarantee.G1, Context.CONCURRENT_READER, false,
                    () -> Counterexamples.paused(s, f.at(), f.promised(), f.saw(), expected),
                    () -> Explanations.paused(target, recorded, trace, f.at(), roots, cells.explaining()));
            for (int i = 0; i < failedMore[0]; i++) {
                cells.judge(fault, Guarantee.G1, Context.CONCURRENT_READER, false, () -> null, () -> null);
            }
        }
        if (each.blockedAt() >= 0) {
            return each.blockedAt();
        }
        if (cells.clock().over() && judged[0] < attempts) {
            cells.unexplored(fault, Guarantee.G1, Context.CONCURRENT_READER);
            return attempts;
        }
        if (judged[0] < attempts) {
            notes.add(target.name() + " under " + plan + ": the writer did less I/O than when recorded (attempt #"
                    + judged[0] + " never came); I/O on threads it did not start is not paused");
        }
        return attempts;
    }

    /** A reading a pause point failed, judged once the run's whole trace is known. */
    private record Failed(int attempt, int at, Reading saw, CrashTarget.Acknowledged promised) {
    }

    /** One run of the writer with the reader (after the recovery, if any) reading at one pause point. */
    private static final class PausedRun {
        PausePoint pause;
        WriterRun run;
        Reading saw;
        /** With a recovery: the files it found at the pause, and what the reader found once the writer finished. */
        RecoveryReplay recovered;
        Reading end;
        /** Whether the reader waited for the paused writer, which then went on: it read a later state. */
        boolean waited;

        static PausedRun at(CrashTarget target, Path root, FaultPlan plan, int attempt) {
            PausedRun r = new PausedRun();
            PausedWriter w = PausedWriter.at(target, root, plan, attempt, () -> {
                if (target.recovers()) {
                    r.recovered = RecoveryReplay.keep(root);
                    r.saw = Reading.afterRecovery(target, root, CrashTarget.Where.LIVE);
                } else {
                    r.saw = Reading.of(target, root, CrashTarget.Where.LIVE);
                }
            });
            r.pause = w.pause();
            r.run = w.run();
            r.waited = w.otherWaited();
            if (target.recovers()) {
                r.end = Reading.afterRecovery(target, root, CrashTarget.Where.LIVE);
            }
            return r;
        }

        /** At the pause: with a recovery, it ran before the reader, and its operations are told. */
        Counterexample told(Counterexample c, int at, Scenario s, Roots roots) {
            return recovered == null ? c : withRecovery(c, "writer paused before operation #" + at
                    + " while the recovery and the reader ran", s, roots);
        }

        /** After the writer resumed: what the recovery did at the pause was what the writer came back to. */
        Counterexample resumed(Counterexample c, int at, Scenario s, Roots roots) {
            String writer = run.returned() ? "the writer resumed and returned"
                    : "the writer resumed and failed (" + run.result().thrown() + ")";
            return withRecovery(c, "the recovery ran while the writer was paused before operation #" + at + "; "
                    + writer + ", then the recovery and the reader ran", s, roots);
        }

        private Counterexample withRecovery(Counterexample c, String fault, Scenario s, Roots roots) {
            return Counterexamples.retold(c, fault + s.faultSuffix(), c.readerSaw()
                    + "\nthe recovery's operations at the pause:\n" + recovered.operations(s.target(), roots.fresh()));
        }
    }
}
