package dev.crashlab.scenarios.cli;

import dev.crashlab.scenarios.campaign.Campaign;
import dev.crashlab.scenarios.campaign.CampaignResult;
import dev.crashlab.scenarios.campaign.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs units one campaign each, as many at once as there are cores, and joins their verdicts into
 * one result. One campaign per unit is what lets a line be printed as each target finishes; the
 * engine is deterministic per target, so the joined result is the one a single campaign gives.
 */
final class UnitRunner {

    /*
     * Campaign.run quiets this logger for its own duration and then restores the level it found;
     * campaigns running side by side would restore each other's "quiet" too early. Quieted here
     * for the whole command instead, and held strongly since java.util.logging holds loggers weakly.
     */
    private static final Logger STORE_LOG = Logger.getLogger("dev.crashlab.store");

    private final PrintWriter progress;

    UnitRunner(PrintWriter progress) {
        this.progress = progress;
    }

    CampaignResult run(List<Unit> units, long seed, Predicate<Verdict> keep) throws InterruptedException {
        long start = System.nanoTime();
        List<Verdict> verdicts = new ArrayList<>();
        Map<String, Integer> workloads = new TreeMap<>();
        Map<String, Long> points = new TreeMap<>();
        if (units.isEmpty()) {
            return new CampaignResult(seed, List.of(), workloads, 0);
        }
        Level saved = STORE_LOG.getLevel();
        STORE_LOG.setLevel(Level.SEVERE);
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(units.size(), Math.max(1, Runtime.getRuntime().availableProcessors())), r -> {
                    Thread t = new Thread(r, "crashlab-unit");
                    t.setDaemon(true);
                    return t;
                });
        try {
            CompletionService<CampaignResult> done = new ExecutorCompletionService<>(pool);
            for (Unit u : units) {
                done.submit(() -> Campaign.run(u.config()));
            }
            for (int finished = 1; finished <= units.size(); finished++) {
                Future<CampaignResult> next = done.take();
                CampaignResult r = next.get();
                List<Verdict> kept = r.verdicts().stream().filter(keep).toList();
                verdicts.addAll(kept);
                workloads.putAll(r.workloads());
                points.putAll(r.crashPoints());
                progress.println(ProgressLine.of(finished, units.size(), r, kept));
                progress.flush();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            STORE_LOG.setLevel(saved);
        }
        verdicts.sort((a, b) -> a.cell().compareTo(b.cell()));
        return new CampaignResult(seed, List.copyOf(verdicts), workloads, (System.nanoTime() - start) / 1_000_000, points);
    }
}
