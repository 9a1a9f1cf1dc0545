package dev.crashlab.scenarios.api;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.scenarios.campaign.Roots;
import dev.crashlab.reports.Model;
import dev.crashlab.reports.Guarantee;
import java.nio.file.Path;
import java.util.List;

/**
 * G1: the writer is run once per pause point on a fresh root and paused before that I/O attempt
 * while the reader reads on another thread, then resumed; the reader must find the value from before the write or the one
 * after it. Once the writer has returned, it must find the one after it. Deterministic: the writer
 * waits for the reader, no clock involved.
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
        cells.declare(fault, Guarantee.G1, Model.CONCURRENT_READER);
        for (int p = 0; p < attempts; p++) {
            PausedRun paused = PausedRun.at(target, roots.fresh(), plan, p);
            if (!paused.pause.fired()) {
                notes.add(target.name() + " under " + plan + ": the writer did less I/O than when recorded (attempt #"
                        + p + " never came); I/O on threads it did not start is not paused");
                break;
            }
            Scenario s = new Scenario(target, fault, Model.CONCURRENT_READER, p, paused.run.trace());
            CrashTarget.Acknowledged promised = recorded.acknowledgedAt(paused.pause.recordedAtPause()).beforeReturn();
            cells.judge(fault, Guarantee.G1, Model.CONCURRENT_READER, expected.admits(paused.saw, promised),
                    () -> Counterexamples.paused(s, paused.pause.recordedAtPause(), promised, paused.saw, expected),
                    () -> Explanations.paused(target, recorded, paused.run.trace(), paused.pause.recordedAtPause(), roots));
        }
        if (recorded.returned()) {
            Reading saw = Reading.of(target, recorded.root());
            Scenario s = new Scenario(target, fault, Model.CONCURRENT_READER, attempts, recorded.trace());
            CrashTarget.Acknowledged all = recorded.acknowledgedAt(recorded.trace().size());
            cells.judge(fault, Guarantee.G1, Model.CONCURRENT_READER, expected.admits(saw, all),
                    () -> Counterexamples.paused(s, recorded.trace().size(), all, saw, expected), () -> null);
        }
    }

    /** One run of the writer with the reader reading at one pause point. */
    private static final class PausedRun {
        PausePoint pause;
        WriterRun run;
        Reading saw;

        static PausedRun at(CrashTarget target, Path root, FaultPlan plan, int attempt) {
            PausedRun r = new PausedRun();
            PausedWriter w = PausedWriter.at(target, root, plan, attempt, () -> r.saw = Reading.of(target, root));
            r.pause = w.pause();
            r.run = w.run();
            return r;
        }
    }
}
