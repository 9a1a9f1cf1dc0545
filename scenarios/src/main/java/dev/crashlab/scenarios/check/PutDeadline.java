package dev.crashlab.scenarios.check;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Bounds a fresh writer's put that runs on the judging thread: a poller interrupts a thread whose
 * put outlived its deadline, so a put blocked in an interruptible call returns. The put itself
 * stays on the judging thread because handing each of tens of thousands of puts to another
 * thread and waiting for it cost more than the puts, and far more on a busy machine, where every
 * handoff waits for the other thread to be scheduled. The bound is seconds, so polling once a
 * second is precise enough; the elapsed time, not the interrupt, decides "still blocked".
 */
final class PutDeadline {

    /** Each armed thread and the {@link System#nanoTime} past which its put counts as blocked. */
    private static final Map<Thread, Long> ARMED = new ConcurrentHashMap<>();

    static {
        Thread poller = new Thread(PutDeadline::poll, "g5-put-deadline");
        poller.setDaemon(true);
        poller.start();
    }

    private PutDeadline() {
    }

    /** Starts the clock for the calling thread's put; {@link #disarm} it in a finally block. */
    static void arm(long boundNanos) {
        ARMED.put(Thread.currentThread(), System.nanoTime() + boundNanos);
    }

    /**
     * Stops the clock. No interrupt lands after this returns (the poller interrupts inside the
     * map's atomic update); one that landed before is cleared, so it cannot break the next read.
     */
    static void disarm() {
        ARMED.remove(Thread.currentThread());
        Thread.interrupted();
    }

    private static void poll() {
        while (true) {
            try {
                TimeUnit.SECONDS.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Thread t : ARMED.keySet()) {
                ARMED.computeIfPresent(t, (thread, deadline) -> {
                    if (now - deadline > 0) {
                        thread.interrupt();
                    }
                    return deadline;
                });
            }
        }
    }
}
