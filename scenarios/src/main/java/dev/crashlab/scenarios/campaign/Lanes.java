package dev.crashlab.scenarios.campaign;

import dev.crashlab.faults.run.Run;
import dev.crashlab.scenarios.api.CrashCheck;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;

/**
 * Runs a campaign's jobs on the machine's cores (or {@link CrashCheck#threads()} lanes), the expensive ones on one lane and the cheap ones
 * beside them, each lane taking from the other once its own is empty. Two targets with unsynced
 * 1 MiB writes run half as fast side by side as alone (both copy megabytes per crash state, and
 * memory bandwidth is shared), so pairing an expensive job with cheap ones beats a plain queue.
 */
public final class Lanes {

    private Lanes() {
    }

    /** Runs every job; {@code done} receives each result as it finishes, on the finishing thread. */
    public static <T> void run(List<Callable<T>> expensive, List<Callable<T>> cheap, Consumer<T> done)
            throws Exception {
        Deque<Callable<T>> heavy = new ConcurrentLinkedDeque<>(expensive);
        Deque<Callable<T>> light = new ConcurrentLinkedDeque<>(cheap);
        int threads = CrashCheck.threads();
        List<Thread> lanes = new ArrayList<>();
        Exception[] failure = {null};
        for (int i = 0; i < threads; i++) {
            Deque<Callable<T>> own = i % 2 == 0 ? heavy : light;
            Deque<Callable<T>> other = own == heavy ? light : heavy;
            Thread lane = new Thread(() -> {
                // A lane judges states while the other records: its own calls are no other lane's run's.
                Run.keepOutOfOthersRuns();
                for (Callable<T> job = next(own, other); job != null; job = next(own, other)) {
                    try {
                        T result = job.call();
                        synchronized (done) {
                            done.accept(result);
                        }
                    } catch (Exception e) {
                        synchronized (failure) {
                            failure[0] = failure[0] == null ? e : failure[0];
                        }
                        heavy.clear();
                        light.clear();
                    }
                }
            }, "crashlab-lane-" + i);
            lane.setDaemon(true);
            lanes.add(lane);
            lane.start();
        }
        for (Thread lane : lanes) {
            lane.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static <T> Callable<T> next(Deque<Callable<T>> own, Deque<Callable<T>> other) {
        Callable<T> job = own.pollFirst();
        return job != null ? job : other.pollLast();
    }
}
