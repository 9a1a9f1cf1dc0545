package dev.crashlab.scenarios.api;

import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.scenarios.interleave.Interleaver;
import java.nio.file.Path;

/**
 * The writer run on a fresh root, paused before one of its I/O attempts while something else runs
 * (a reader, a rival writer), then resumed. The interleaver resumes it once the other side has
 * finished or waits in any way (a lock both take, a timed wait on the writer's state): no hang, no
 * clock. Whether the other side waited is kept: it then saw what the writer did next.
 */
record PausedWriter(PausePoint pause, WriterRun run, boolean otherWaited) {

    static PausedWriter at(CrashTarget target, Path root, FaultPlan plan, int attempt, Runnable meanwhile) {
        PausePoint[] pause = new PausePoint[1];
        WriterRun[] run = new WriterRun[1];
        boolean waited = Interleaver.race(hook -> {
            pause[0] = PausePoint.before(attempt, hook);
            run[0] = WriterRun.onlyThisThread(target, root, pause[0].and(plan));
            if (!pause[0].fired()) {
                hook.reached(PausePoint.name(attempt)); // releases the interleaver: the other side sees the end state
            }
        }, PausePoint.name(attempt), meanwhile);
        return new PausedWriter(pause[0], run[0], waited);
    }
}
