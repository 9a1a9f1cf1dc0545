package dev.crashlab.faults.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The runs in progress in this JVM, side by side, and which of them a thread works for: the one
 * whose {@link Run#go} it called, or that thread started it. Runs of one JVM used to take turns,
 * and in a test JVM where several campaigns record at once their lanes spent more time waiting for
 * one another than recording. Runs whose roots overlap still take turns: a call under both roots
 * from a thread neither started could be either's.
 */
final class ActiveRuns {

    /** Inherited by the threads a run's thread starts: they work for the same run. */
    private static final InheritableThreadLocal<ActiveRun> OWNER = new InheritableThreadLocal<>();
    private static final List<ActiveRun> RUNS = new CopyOnWriteArrayList<>();
    /** Threads whose calls outside their own runs are no run's (not inherited: only the worker itself). */
    private static final ThreadLocal<Boolean> KEPT_OUT = new ThreadLocal<>();

    private ActiveRuns() {
    }

    /**
     * {@code run} is in progress from now on, and the calling thread works for it; first waits
     * while a run of another thread is in progress on an overlapping root. Returns the run the
     * thread worked for before, for {@link #leave}.
     */
    static ActiveRun enter(ActiveRun run) {
        ActiveRun before = OWNER.get();
        boolean interrupted = false;
        synchronized (RUNS) {
            while (overlapsAnother(run)) {
                try {
                    RUNS.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // as the lock runs used to take: the run goes on, the flag stays
                }
            }
            OWNER.set(run);
            RUNS.add(run);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return before;
    }

    /** {@code run} is over; the thread works again for the run it worked for before (a run nesting this one). */
    static void leave(ActiveRun run, ActiveRun before) {
        synchronized (RUNS) {
            RUNS.removeIf(r -> r == run);
            if (before == null) {
                OWNER.remove();
            } else {
                OWNER.set(before);
            }
            RUNS.notifyAll();
        }
    }

    /** A run nested in one of this thread's own is not waited for: it would wait for itself. */
    private static boolean overlapsAnother(ActiveRun run) {
        ActiveRun mine = OWNER.get();
        for (ActiveRun r : RUNS) {
            if (r != mine && r.scope().overlaps(run.scope())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The run in progress the calling thread works for, or null: a thread a run started that
     * outlived it, and a thread no run started (a pool's, made before), work for none.
     */
    static ActiveRun owner() {
        ActiveRun run = OWNER.get();
        if (run != null) {
            for (ActiveRun r : RUNS) {
                if (r == run) {
                    return run;
                }
            }
        }
        return null;
    }

    /** See {@link Run#keepOutOfOthersRuns()}. */
    static void keepOut() {
        KEPT_OUT.set(Boolean.TRUE);
    }

    /** Whether a call of this thread, working for no run, is offered to the runs in progress. */
    static boolean offeredToOthers() {
        return KEPT_OUT.get() == null;
    }

    /** The run a thread that works for none acknowledges into: the only run in progress, if there is one only. */
    static ActiveRun forAcknowledgement() {
        ActiveRun run = owner();
        if (run != null) {
            return run;
        }
        List<ActiveRun> runs = List.copyOf(RUNS);
        return runs.size() == 1 ? runs.get(0) : null;
    }
}
