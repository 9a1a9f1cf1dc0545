package dev.crashlab.scenarios.campaign;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.scenarios.check.Expectations;
import dev.crashlab.scenarios.check.ExpectedPut;
import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.target.Target;
import dev.crashlab.scenarios.workload.Step;
import dev.crashlab.scenarios.workload.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A workload run once under instrumentation: its I/O trace and where each step lies in it. */
public record Recording(Workload workload, IoTrace trace, List<StepRecord> steps, RunResult result) {

    /**
     * Runs every step of {@code workload} on {@code target} under {@code plan}. A step that throws
     * (a refused put) is not acknowledged and the workload goes on; a simulated crash ends it.
     */
    public static Recording run(Target target, Workload workload, Path root, FaultPlan plan) {
        StepMarks marks = new StepMarks();
        List<StepRecord> steps = new ArrayList<>();
        RunResult result = Run.in(root).plan(marks.and(plan)).go(() -> {
            for (Step step : workload.steps()) {
                int first = marks.happened();
                try {
                    target.perform(root, step);
                    steps.add(new StepRecord(step, first, marks.happened(), true, null));
                } catch (Exception e) {
                    steps.add(new StepRecord(step, first, marks.happened(), false, e.toString()));
                }
            }
        });
        return new Recording(workload, StableNames.of(result.trace()), List.copyOf(steps), result);
    }

    /**
     * The checkers' view of this run: every put that wrote something and where it lies in the
     * trace, with the durability option and protocols of {@code settings} (what a fresh writer and
     * reader use on a crash state). Taken from the workload, never from what the store did.
     */
    public Expectations expectations(StoreTarget settings) {
        List<ExpectedPut> puts = new ArrayList<>();
        for (StepRecord s : steps) {
            if (s.step().writtenKey() != null && s.endOp() > s.firstOp()) {
                puts.add(new ExpectedPut(s.step().writtenKey(), s.step().writtenValue().bytes(), s.firstOp(),
                        s.endOp(), s.acknowledged()));
            }
        }
        return new Expectations(puts, settings.durability(), settings.protocol(), settings.reader());
    }
}
