package dev.crashlab.faults.run;

import dev.crashlab.faults.plan.FaultPlan;

/**
 * What an operation of the active run works with: the scope it belongs to, the plan that acts on
 * it, where it is recorded, the open handles, and the run's threads, liveness, pauses, blind
 * spots and crashlab's own failures. Each is one small class; this only ties them to one run.
 */
record ActiveRun(Scope scope, FaultPlan plan, Recorder recorder, Handles handles, Reentrancy threads,
                 Liveness liveness, Pauses pauses, BlindSpots blindSpots, OwnFailures own) {

    static ActiveRun of(Scope scope, FaultPlan plan, boolean onlyRunThreads, java.util.List<String> notMine) {
        Reentrancy threads = new Reentrancy(onlyRunThreads);
        Recorder recorder = new Recorder(notMine);
        return new ActiveRun(scope, plan, recorder, new Handles(), threads, new Liveness(), new Pauses(threads),
                new BlindSpots(recorder), new OwnFailures());
    }
}
