package dev.crashlab.scenarios.check;

import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.store.Durability;
import dev.crashlab.store.Protocol;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Run by hand: the bounded-workload acceptance with the real 1 MiB value (every workload of up to
 * 3 puts over 2 keys, a small and a 1 MiB value, all four models, all of G1-G6), printing how many
 * states were judged, how fast, and any verdict that is not PASS. Asserts nothing.
 */
public final class CrashChecksMain {

    public static void main(String[] args) {
        Logger.getLogger("dev.crashlab.store").setLevel(Level.SEVERE);
        int largeSize = args.length > 0 ? Integer.parseInt(args[0]) : 1 << 20;
        List<StoreTraces> workloads = BoundedWorkloadsTest.workloads(StoreTraces.utf8("small-a"),
                BoundedWorkloadsTest.large(largeSize), Durability.FILE_AND_DIRECTORY);
        for (PersistenceModel model : PersistenceModel.builtIn()) {
            long start = System.nanoTime();
            long verdicts = 0;
            long failed = 0;
            for (StoreTraces w : workloads) {
                List<CheckResult> results = CrashChecks.run(w.trace(),
                        w.expect(Durability.FILE_AND_DIRECTORY, Protocol.REFERENCE), model, Exploration.defaults());
                verdicts += results.size();
                for (CheckResult r : results) {
                    if (!r.passed()) {
                        failed++;
                        System.out.println(r.describe());
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long states = verdicts / CrashChecks.checkersFor(model).size();
            System.out.printf("%-14s %d workloads, %,d states judged on G1-G6 in %.1f s (%,.0f states/s), %d not passed%n",
                    model.name(), workloads.size(), states, seconds, states / seconds, failed);
        }
        // The goal is about one small put, measured warm: the loop above is mostly JIT warm-up.
        StoreTraces onePut = workloads.get(0);
        for (PersistenceModel model : PersistenceModel.builtIn()) {
            long states = 0;
            long start = 0;
            for (int round = 0; round < 6_000; round++) {
                if (round == 1_000) {
                    states = 0;
                    start = System.nanoTime();
                }
                List<CheckResult> results = CrashChecks.run(onePut.trace(),
                        onePut.expect(Durability.FILE_AND_DIRECTORY, Protocol.REFERENCE), model, Exploration.defaults());
                states += results.size() / CrashChecks.checkersFor(model).size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-14s one small put, warm: %,.0f states judged on G1-G6 per second%n", model.name(),
                    states / seconds);
        }
    }
}
