package dev.crashlab.faults.run;

import dev.crashlab.faults.plan.SimulatedCrash;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether the simulated process is still alive, and the numbers plans count operations by. A dead
 * process does no more I/O: every in-scope attempt after the crash crashes too, and is counted so
 * a target that swallows the crash and carries on is reported.
 */
final class Liveness {

    private final AtomicInteger injected = new AtomicInteger();
    private final AtomicInteger attemptsAfterDeath = new AtomicInteger();
    private volatile SimulatedCrash crash;

    /**
     * The number of the operation about to happen: its position in the trace, plus the failures
     * plans injected before it. In a fault-free run that is exactly the trace position, so a plan
     * built from the trace stops where it means to, even after attempts that failed on their own
     * (File.mkdirs trying a path whose parent is missing) and were never recorded; and an operation
     * a plan failed takes a number, so its retry is another operation and the plan fires once.
     */
    int nextIndex(Recorder recorder) {
        return recorder.size() + injected.get();
    }

    void injectedFailure() {
        injected.incrementAndGet();
    }

    void checkAlive() {
        SimulatedCrash first = crash;
        if (first != null) {
            attemptsAfterDeath.incrementAndGet();
            throw SimulatedCrash.afterDeath(first);
        }
    }

    synchronized SimulatedCrash crashed(SimulatedCrash c) {
        if (crash == null) {
            crash = c;
        }
        return c;
    }

    boolean dead() {
        return crash != null;
    }

    SimulatedCrash crash() {
        return crash;
    }

    int attemptsAfterDeath() {
        return attemptsAfterDeath.get();
    }
}
