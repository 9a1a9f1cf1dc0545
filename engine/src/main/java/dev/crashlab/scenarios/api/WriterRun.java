package dev.crashlab.scenarios.api;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.trace.IoTrace;
import java.nio.file.Path;
import java.util.List;

/**
 * The set-up, outside any run so that none of its I/O is traced or faulted, then the writer under
 * the instrumentation and a fault plan, on a fresh root.
 */
record WriterRun(Path root, RunResult result) {

    /**
     * The recording every verdict is built on. Without a fault it must also prove itself complete:
     * the replayed trace has to give back the directory the writer left.
     */
    static WriterRun go(CrashTarget target, Path root, FaultPlan plan, boolean faultFree) {
        Run run = Run.in(root).plan(plan).notMine(target.notMine());
        return go(target, root, faultFree ? run.checkComplete() : run, faultFree);
    }

    /**
     * With only the calling thread and the threads it starts in scope: a reader racing the writer
     * on another thread must not have its I/O traced or faulted as the writer's.
     */
    static WriterRun onlyThisThread(CrashTarget target, Path root, FaultPlan plan) {
        return go(target, root, Run.in(root).plan(plan).onlyRunThreads().notMine(target.notMine()), false);
    }

    private static WriterRun go(CrashTarget target, Path root, Run run, boolean checkBefore) {
        WriterRun recorded = recorded(target, root, run, checkBefore);
        if (!recorded.complete()) {
            throw recorded.incomplete(target, "the instrumentation cannot see", "");
        }
        return recorded;
    }

    /** As {@link #go(CrashTarget, Path, FaultPlan, boolean)} without a fault, the trace possibly incomplete. */
    static WriterRun faultFree(CrashTarget target, Path root, FaultPlan plan) {
        return recorded(target, root, Run.in(root).plan(plan).notMine(target.notMine()).checkComplete(), true);
    }

    private static WriterRun recorded(CrashTarget target, Path root, Run run, boolean checkBefore) {
        setUp(target, root, checkBefore);
        return new WriterRun(root, run.go(() -> target.writer().run(root)));
    }

    /** The target's set-up on a fresh root, outside any recording; with {@code check}, the reader must find 'before'. */
    static void setUp(CrashTarget target, Path root, boolean check) {
        try {
            target.setUp().run(root);
        } catch (Exception e) {
            throw new TargetFailedException("the set-up of " + target.name() + " failed: " + e, e);
        }
        if (check) {
            // Every verdict compares with the declared values: a wrong 'before' would make each one meaningless.
            String problem = target.expectation().setUpProblem(Reading.of(target, root, CrashTarget.Where.SET_UP));
            if (problem != null) {
                throw new TargetFailedException("the reader of " + target.name() + " " + problem, null);
            }
        }
    }

    boolean complete() {
        return result.unseen().isEmpty();
    }

    /** The refusal of an incomplete trace: one missing writes would make every crash state, and so every verdict, wrong. */
    TargetFailedException incomplete(CrashTarget target, String recording, String more) {
        return new TargetFailedException("the writer of " + target.name() + " did I/O " + recording + ", so no verdict can be trusted; it cannot be checked as it"
                + " is:\n  " + String.join("\n  ", result.unseen()) + more, null);
    }

    IoTrace trace() {
        return result.trace();
    }

    /** The same run with its trace's operations named otherwise (their source lines), nothing else changed. */
    WriterRun withTrace(IoTrace named) {
        return new WriterRun(root, new RunResult(named, result.crash(), result.thrown(), result.finding(),
                result.callbackErrors(), result.unseen(), result.acknowledgements()));
    }

    /**
     * What the writer had acknowledged once {@code point} operations had happened (a crash or pause
     * there), {@code position} mapping the recorded trace's positions onto the trace judged (itself,
     * or a fix's edited trace); the return counts only at the judged trace's end.
     */
    CrashTarget.Acknowledged acknowledgedAt(int point, java.util.function.IntUnaryOperator position) {
        List<String> labels = result.acknowledgements().stream()
                .filter(a -> position.applyAsInt(a.position()) <= point)
                .map(dev.crashlab.faults.trace.Acknowledgement::label).toList();
        return new CrashTarget.Acknowledged(labels, returned() && point >= position.applyAsInt(trace().size()));
    }

    CrashTarget.Acknowledged acknowledgedAt(int point) {
        List<dev.crashlab.faults.trace.Acknowledgement> acks = result.acknowledgements();
        // Each is recorded at the length the trace had then, which only grows: those at or before a
        // point are a prefix, found by halving rather than by a pass over every acknowledgement per
        // crash state and pause point (a log of n records: n per state).
        int lo = 0;
        int hi = acks.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (acks.get(mid).position() <= point) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return new CrashTarget.Acknowledged(new AcknowledgedLabels(acks, lo), returned() && point >= trace().size());
    }

    /** Whether the writer returned normally: only then is its write acknowledged. */
    boolean returned() {
        return result.thrown() == null;
    }
}
