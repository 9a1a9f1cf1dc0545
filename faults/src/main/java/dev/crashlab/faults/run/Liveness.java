package dev.crashlab.faults.run;

import dev.crashlab.faults.plan.SimulatedCrash;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether the simulated process is still alive, and the attempt numbers plans count by. A dead
 * process does no more I/O: every in-scope attempt after the crash crashes too, and is counted so
 * a target that swallows the crash and carries on is reported.
 */
final class Liveness {

    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger attemptsAfterDeath = new AtomicInteger();
    private volatile SimulatedCrash crash;

    /** Operations are numbered by attempt, so a plan fires once even if the operation it failed is retried. */
    int nextIndex() {
        return attempts.getAndIncrement();
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
