package dev.crashlab.scenarios.interleave;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a racer deterministically at one pause point of a paused actor, without sleeps: the actor
 * runs until it reaches the chosen step and parks; the racer runs to completion (or until it blocks
 * on something the parked actor holds, such as a per-key lock); then the actor resumes.
 *
 * <p>{@link #steps} lists the pause points a run reaches, so a caller can try every one in turn,
 * the way Lincheck and jcstress walk interleavings.
 */
public final class Interleaver {

    private Interleaver() {
    }

    /** The steps the actor reaches when nobody races it, in order; repeats are numbered ("write#2"). */
    public static List<String> steps(Consumer<PausePoints> actor) {
        List<String> seen = new ArrayList<>();
        Map<String, Integer> times = new HashMap<>();
        actor.accept(step -> seen.add(numbered(times, step)));
        return seen;
    }

    /**
     * Runs {@code actor} on its own thread, pauses it at {@code pauseAt} (a name from {@link #steps}),
     * runs {@code racer} on another thread, and resumes the actor once the racer has finished or can
     * make no progress before the actor does ({@link #waitsFor}); then waits for both. An exception on either side is rethrown, naming the side.
     *
     * @return whether the racer was still waiting when the actor was resumed (it then saw what the
     *         actor did next), rather than finished
     */
    public static boolean race(Consumer<PausePoints> actor, String pauseAt, Runnable racer) {
        Semaphore paused = new Semaphore(0);
        Semaphore resume = new Semaphore(0);
        List<String> seen = new ArrayList<>();
        Map<String, Integer> times = new HashMap<>();
        Side actorSide = new Side("actor", () -> actor.accept(step -> {
            String name = numbered(times, step);
            seen.add(name);
            if (name.equals(pauseAt)) {
                paused.release();
                resume.acquireUninterruptibly();
            }
        }), paused);
        actorSide.start();
        paused.acquireUninterruptibly();
        if (actorSide.finished()) {
            actorSide.rethrow();
            throw new IllegalArgumentException("the actor never reached pause point " + pauseAt + "; it reached " + seen);
        }
        Side racerSide = new Side("racer", racer, null);
        racerSide.start();
        boolean waited = racerSide.awaitFinishedOrBlockedBy(actorSide.thread);
        resume.release();
        actorSide.join();
        racerSide.join();
        actorSide.rethrow();
        racerSide.rethrow();
        return waited;
    }

    /**
     * {@link #race} at every pause point of one run of {@code actor}: at each step it parks, {@code
     * racer} runs on its own thread to completion, and the actor resumes. One run instead of one per
     * pause point, for a racer that leaves what it races unchanged (a reader): a run of n steps raced
     * at each costs n steps, not n squared. The first time the racer cannot finish before the actor
     * moves ({@link #waitsFor}: a lock the parked actor holds), the actor resumes and runs to its end
     * unpaused, and that step is returned so the caller can race it and the later ones one run each,
     * as {@link #race} does. An exception on either side is rethrown, naming the side.
     *
     * @param racer receives the step's name; what it returns goes to {@code raced}, and null ends the
     *              racing: the actor resumes and runs to its end unpaused (a budget ran out)
     * @param raced  receives, on the calling thread with the actor still parked, what the racer
     *               returned at each step it finished at (not the step it blocked at)
     * @return the step the racer blocked at, or null when it was raced at every step
     */
    public static <T> String raceAtEach(Consumer<PausePoints> actor, Function<String, T> racer, Consumer<T> raced) {
        Semaphore paused = new Semaphore(0);
        Semaphore resume = new Semaphore(0);
        Map<String, Integer> times = new HashMap<>();
        String[] at = new String[1];
        boolean[] pausing = {true};
        Side actorSide = new Side("actor", () -> actor.accept(step -> {
            String name = numbered(times, step);
            if (pausing[0]) {
                at[0] = name;
                paused.release();
                resume.acquireUninterruptibly();
            }
        }), paused);
        actorSide.start();
        while (true) {
            paused.acquireUninterruptibly(); // the semaphores order these plain fields between the two threads
            if (actorSide.finished()) {
                actorSide.join();
                actorSide.rethrow();
                return null;
            }
            String step = at[0];
            List<T> result = new ArrayList<>(1);
            Side racerSide = new Side("racer", () -> result.add(racer.apply(step)), null);
            racerSide.start();
            racerSide.awaitFinishedOrBlockedBy(actorSide.thread);
            if (!racerSide.finished() || racerSide.failure != null) {
                pausing[0] = false;
                resume.release();
                actorSide.join();
                racerSide.join();
                actorSide.rethrow();
                racerSide.rethrow();
                return step;
            }
            racerSide.join();
            if (result.get(0) == null) {
                pausing[0] = false;
                resume.release();
                actorSide.join();
                actorSide.rethrow();
                return null;
            }
            raced.accept(result.get(0));
            resume.release();
        }
    }

    /**
     * Whether {@code waiter} can make no progress until {@code actor} does, decided from thread states
     * alone, never from a clock: it waits in any way (a monitor, Object.wait with or without a timeout,
     * a condition, parking, sleeping between polls, a join) and what it waits for is the actor, or a
     * thread that itself waits, or nothing a running thread holds. A timed wait counts: a reader that
     * would give up after its timeout (a lock table's wait) must see the writer go on, not time out
     * against a writer that only the harness holds. A lock held by a third thread that is running is
     * only a delay, as is a join on a running thread: resuming the actor then would let the racer see
     * a later state depending on timing, so the racer is waited for.
     */
    static boolean waitsFor(Thread waiter, Thread actor) {
        long id = waiter.getId();
        for (int hops = 0; hops < 64; hops++) {
            ThreadInfo info = THREADS.getThreadInfo(id);
            if (info == null || info.getThreadState() == Thread.State.TERMINATED) {
                return id == waiter.getId();
            }
            Thread.State s = info.getThreadState();
            if (id == actor.getId()) {
                return true;
            }
            if (s == Thread.State.RUNNABLE || s == Thread.State.NEW) {
                return false;
            }
            long owner = info.getLockOwnerId();
            if (owner < 0) {
                owner = joined(info.getLockInfo());
            }
            if (owner < 0) {
                return true;
            }
            id = owner;
        }
        return true; // a cycle of waiting threads: nothing will move without the actor
    }

    /** The thread a join waits for (Thread.join waits on the Thread object's monitor), or -1. */
    private static long joined(LockInfo lock) {
        if (lock == null) {
            return -1;
        }
        ThreadGroup all = Thread.currentThread().getThreadGroup();
        while (all.getParent() != null) {
            all = all.getParent();
        }
        Thread[] live = new Thread[all.activeCount() + 16];
        int n = all.enumerate(live);
        for (int i = 0; i < n; i++) {
            if (System.identityHashCode(live[i]) == lock.getIdentityHashCode()
                    && live[i].getClass().getName().equals(lock.getClassName())) {
                return live[i].getId();
            }
        }
        return -1;
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Counted per step name, not by scanning the steps seen: a run of n steps would cost n squared. */
    private static String numbered(Map<String, Integer> times, String step) {
        int n = times.merge(step, 1, Integer::sum);
        return n == 1 ? step : step + "#" + n;
    }

    /** One thread of a race and what it threw. */
    private static final class Side {
        private final Thread thread;
        private volatile Throwable failure;
        private volatile boolean finished;

        Side(String name, Runnable body, Semaphore releaseWhenDone) {
            this.thread = new Thread(() -> {
                try {
                    body.run();
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    finished = true;
                    if (releaseWhenDone != null) {
                        releaseWhenDone.release();
                    }
                }
            }, "crashlab-" + name);
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        boolean finished() {
            return finished;
        }

        /**
         * Spins (yielding) until this side has ended (false) or can make no progress before the
         * paused actor does (true).
         */
        boolean awaitFinishedOrBlockedBy(Thread actor) {
            while (true) {
                Thread.State s = thread.getState();
                if (s == Thread.State.TERMINATED) {
                    return false;
                }
                if (s != Thread.State.RUNNABLE && s != Thread.State.NEW && waitsFor(thread, actor)) {
                    // a thread whose body is done can still wait on its way out (Thread.exit): it did not wait
                    return !finished;
                }
                // Gives the core away rather than spinning on it: on a machine with more runnable
                // threads than cores the racer waits for one, and a spinning caller kept it waiting.
                Thread.yield();
            }
        }

        void join() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while joining " + thread.getName(), e);
            }
        }

        void rethrow() {
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(thread.getName() + " failed", failure);
            }
        }
    }
}
