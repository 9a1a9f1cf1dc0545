package dev.crashlab.scenarios.cli;

import dev.crashlab.scenarios.grade.Verdict;
import dev.crashlab.scenarios.campaign.Campaign;
import dev.crashlab.scenarios.campaign.CampaignRun;
import dev.crashlab.scenarios.campaign.Lanes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
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

    CampaignRun run(List<Unit> units, long seed, Predicate<Verdict> keep) throws InterruptedException {
        long start = System.nanoTime();
        List<Verdict> verdicts = new ArrayList<>();
        Map<String, Integer> workloads = new TreeMap<>();
        Map<String, Long> points = new TreeMap<>();
        if (units.isEmpty()) {
            return new CampaignRun(seed, List.of(), workloads, 0);
        }
        Level saved = STORE_LOG.getLevel();
        STORE_LOG.setLevel(Level.SEVERE);
        List<Callable<CampaignRun>> expensive = new ArrayList<>();
        List<Callable<CampaignRun>> cheap = new ArrayList<>();
        for (Unit u : units) {
            boolean slow = !u.config().targets().isEmpty() && Campaign.expensive(u.config().targets().get(0));
            (slow ? expensive : cheap).add(() -> Campaign.run(u.config()));
        }
        int[] finished = {0};
        try {
            Lanes.run(expensive, cheap, r -> {
                List<Verdict> kept = r.verdicts().stream().filter(keep).toList();
                verdicts.addAll(kept);
                workloads.putAll(r.workloads());
                points.putAll(r.crashPoints());
                progress.println(ProgressLine.of(++finished[0], units.size(), r, kept, (System.nanoTime() - start) / 1_000_000));
                progress.flush();
            });
        } catch (InterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            STORE_LOG.setLevel(saved);
        }
        verdicts.sort((a, b) -> a.cell().compareTo(b.cell()));
        return new CampaignRun(seed, List.copyOf(verdicts), workloads, (System.nanoTime() - start) / 1_000_000, points);
    }
}
