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

    /**
     * One run of the writer on a fresh root, paused before each of its I/O attempts in turn while
     * {@code reader} runs; {@code read} gets, with the writer still paused, the attempt paused before,
     * how many operations the trace held then, and what the reader returned.
     *
     * @return the run, and the attempt from which the reader could not finish while the writer was
     *         paused (it waited on the writer), or -1 when it read at every attempt
     */
    static <T> Each atEach(CrashTarget target, Path root, FaultPlan plan, java.util.function.Supplier<T> reader,
                           Read<T> read) {
        PausePoint[] pause = new PausePoint[1];
        WriterRun[] run = new WriterRun[1];
        int[] attempt = {-1};
        int[] recorded = {-1};
        String blocked = Interleaver.raceAtEach(hook -> {
            pause[0] = PausePoint.beforeEach(hook);
            run[0] = WriterRun.onlyThisThread(target, root, pause[0].and(plan));
        }, step -> {
            attempt[0] = pause[0].pausedAt();
            recorded[0] = pause[0].recordedAtPause();
            return reader.get();
        }, saw -> read.at(attempt[0], recorded[0], saw));
        return new Each(run[0], blocked == null ? -1 : attempt[0]);
    }

    interface Read<T> {
        void at(int attempt, int recordedAtPause, T saw);
    }

    record Each(WriterRun run, int blockedAt) {
    }
}
