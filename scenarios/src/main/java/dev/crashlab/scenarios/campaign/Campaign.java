package dev.crashlab.scenarios.campaign;

import dev.crashlab.scenarios.grade.CellTable;
import dev.crashlab.faults.crash.Roots;
import dev.crashlab.scenarios.grade.Verdict;
import dev.crashlab.faults.agent.Agent;
import dev.crashlab.faults.plan.FaultPlan;
import dev.crashlab.faults.plan.MoveAsCopy;
import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.target.Target;
import dev.crashlab.scenarios.workload.Workload;
import dev.crashlab.scenarios.workload.Workloads;
import dev.crashlab.store.Durability;
import dev.crashlab.store.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns targets, workloads, faults and models into verdicts. Per target, workloads run shortest
 * first through every probe; a cell stops looking once it has a counterexample, so seeded bugs
 * finish early and the reference pays for the full proof. Targets run in parallel on every core;
 * within a target everything is in a fixed order, so a seed always gives the same verdicts.
 */
public final class Campaign {

    /**
     * Moves that do not ask for atomicity are performed as a copy, as across file systems (seed
     * 001). In 256 KiB chunks: a 1 MiB value still takes several writes, so a reader or a crash can
     * land inside the copy, while each write's tears do not multiply the crash states sixteenfold.
     */
    public static final FaultPlan NON_ATOMIC_MOVES = MoveAsCopy.everywhere(256 * 1024);

    /*
     * Crash states are full of invalid entries by design, and G5 puts over each of them: the
     * store's "replacing an invalid entry" warning would print hundreds of thousands of times (15 MB
     * of log per default campaign). Held strongly: java.util.logging keeps loggers weakly.
     */
    private static final Logger STORE_LOG = Logger.getLogger("dev.crashlab.store");

    private Campaign() {
    }

    public static CampaignRun run(CampaignConfig config) {
        Level saved = STORE_LOG.getLevel();
        STORE_LOG.setLevel(Level.SEVERE);
        try {
            return runQuietly(config);
        } finally {
            STORE_LOG.setLevel(saved);
        }
    }

    private static CampaignRun runQuietly(CampaignConfig config) {
        long start = System.nanoTime();
        // Once per JVM, a few seconds: done before any target's clock starts, so "time to detect" is the search's.
        Agent.install();
        List<Workload> workloads = Workloads.exhaustive(config.bounds());
        if (config.workloadBudget() > 0 && workloads.size() > config.workloadBudget()) {
            workloads = workloads.subList(0, config.workloadBudget());
        }
        List<Workload> all = workloads;
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        Map<String, Long> points = new ConcurrentHashMap<>();
        List<Verdict> verdicts = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> expensive = new ArrayList<>();
        List<Callable<Void>> cheap = new ArrayList<>();
        for (StoreTarget t : config.targets()) {
            (expensive(t) ? expensive : cheap).add(named("campaign " + t.id(),
                    () -> verdicts.addAll(explore(t, all, config, counts, points))));
        }
        if (config.cacheProtocols()) {
            for (RaceProbe.CacheTarget t : RaceProbe.targets()) {
                cheap.add(named("campaign " + t.id(), () -> {
                    CellTable cells = cells(t);
                    new RaceProbe().explore(t, config.seed(), cells);
                    verdicts.addAll(cells.verdicts());
                    counts.put(t.id(), 0);
                    points.put(t.id(), cells.crashPoints());
                }));
            }
        }
        try {
            Lanes.run(expensive, cheap, done -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the campaign was interrupted", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<Verdict> sorted = new ArrayList<>(verdicts);
        sorted.sort((a, b) -> a.cell().compareTo(b.cell()));
        return new CampaignRun(config.seed(), List.copyOf(sorted), new TreeMap<>(counts),
                (System.nanoTime() - start) / 1_000_000, new TreeMap<>(points));
    }

    /**
     * Targets whose data reaches the disk unsynced have the most crash states by far (every write
     * may tear); they run on their own lane beside the cheap ones (see {@link Lanes}). Only the
     * schedule depends on it, never a verdict.
     */
    public static boolean expensive(StoreTarget t) {
        return t.durability() == Durability.NONE || t.protocol() == Protocol.STREAM_TO_FINAL
                || t.protocol() == Protocol.TEMP_ELSEWHERE;
    }

    /** Traces record the thread of each operation: a pool's worker numbering would differ from run to run. */
    private static Callable<Void> named(String name, Runnable job) {
        return () -> {
            Thread self = Thread.currentThread();
            String saved = self.getName();
            self.setName(name);
            try {
                job.run();
                return null;
            } finally {
                self.setName(saved);
            }
        };
    }

    private static List<Verdict> explore(StoreTarget target, List<Workload> workloads, CampaignConfig config,
                                         Map<String, Integer> counts, Map<String, Long> points) {
        CellTable cells = cells(target);
        try (Roots roots = new Roots(target.id())) {
            List<Probe> probes = List.of(
                    new LiveProbe(roots::fresh, config.seed()),
                    new CrashStateProbe(config.models(), config.exploration(), config.seed()));
            ReaderProbe reader = new ReaderProbe(roots::fresh, NON_ATOMIC_MOVES, config.seed());
            DeleterProbe deleter = new DeleterProbe(roots::fresh, NON_ATOMIC_MOVES, config.seed());
            List<Probe> racers = List.of(
                    new WriterRaceProbe(roots::fresh, NON_ATOMIC_MOVES, config.seed()),
                    new InvalidEntryRaceProbe(roots::fresh, NON_ATOMIC_MOVES, config.seed()),
                    new CleanupRaceProbe(roots::fresh, NON_ATOMIC_MOVES, config.seed()));
            new CorruptionProbe(roots::fresh, config.seed()).explore(target, cells);
            roots.clean();
            for (int w = 0; w < workloads.size(); w++) {
                Workload workload = workloads.get(w);
                Recording fresh = Recording.run(target, workload, roots.fresh(), NON_ATOMIC_MOVES);
                for (Probe probe : probes) {
                    probe.explore(target, w, workload, fresh, cells);
                }
                if (workload.size() <= config.readerSteps()) {
                    reader.explore(target, w, workload, fresh, cells);
                    deleter.explore(target, w, workload, fresh, cells);
                    for (Probe racer : racers) {
                        racer.explore(target, w, workload, fresh, cells);
                    }
                }
                roots.clean();
            }
            counts.put(target.id(), workloads.size());
            points.put(target.id(), cells.crashPoints());
        } catch (Exception e) {
            throw new IllegalStateException("campaign over " + target.id() + " failed: " + e, e);
        }
        return cells.verdicts();
    }

    /** A target's cells: only its fault-free run, and only violations explained (a seeded bug's other findings are by design). */
    private static CellTable cells(Target target) {
        return new CellTable(target.id(), List.of(Verdict.NO_FAULT), target::claims, false);
    }
}
