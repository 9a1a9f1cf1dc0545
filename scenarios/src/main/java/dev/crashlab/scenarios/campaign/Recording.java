package dev.crashlab.scenarios.campaign;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.trace.IoTrace;
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
        return new Recording(workload, result.trace(), List.copyOf(steps), result);
    }
}
