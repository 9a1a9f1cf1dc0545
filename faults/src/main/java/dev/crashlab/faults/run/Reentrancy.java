package dev.crashlab.faults.run;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which calls are the target's: not the ones the JDK makes underneath an intercepted call (a
 * per-thread guard is held from an operation's start to its end), not the harness's own pause
 * callbacks (the environment), and with {@code onlyRunThreads} only the run's thread and the
 * threads it starts.
 */
final class Reentrancy {

    private final boolean onlyRunThreads;
    private final ThreadLocal<int[]> guard = ThreadLocal.withInitial(() -> new int[1]);
    private final InheritableThreadLocal<Boolean> runThread = new InheritableThreadLocal<>();
    private final Set<Thread> environment = ConcurrentHashMap.newKeySet();

    Reentrancy(boolean onlyRunThreads) {
        this.onlyRunThreads = onlyRunThreads;
    }

    boolean admits() {
        Thread current = Thread.currentThread();
        return guard.get()[0] == 0 && !environment.contains(current) && (!onlyRunThreads || runThread.get() != null);
    }

    boolean onRunThread() {
        return runThread.get() != null;
    }

    void guard() {
        guard.get()[0]++;
    }

    void unguard() {
        guard.get()[0]--;
    }

    void markRunThread() {
        runThread.set(Boolean.TRUE);
    }

    void unmarkRunThread() {
        runThread.remove();
    }

    void environment(Thread helper) {
        environment.add(helper);
    }

    void leave(Thread helper) {
        environment.remove(helper);
    }
}
