package dev.crashlab.scenarios.campaign;

import dev.crashlab.scenarios.grade.CellKey;
import dev.crashlab.faults.crash.Roots;
import dev.crashlab.scenarios.catalog.Catalog;
import dev.crashlab.scenarios.grade.ReportAssembler;
import dev.crashlab.scenarios.grade.Verdict;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Status;
import dev.crashlab.reports.Guarantee;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of the campaign, graded: one verdict per cell, and how much work it took. The reports
 * module's {@link dev.crashlab.reports.CampaignResult} is its rendering ({@link ReportAssembler}).
 *
 * @param seed       the campaign's seed
 * @param verdicts   one per target x guarantee x context that was checked, sorted
 * @param workloads  workloads run per target
 * @param wallMillis wall-clock time of the whole campaign
 * @param crashPoints crash points (and pause points) visited per target, over every model and trace judged
 */
public record CampaignRun(long seed, List<Verdict> verdicts, Map<String, Integer> workloads, long wallMillis,
                             Map<String, Long> crashPoints) {

    public CampaignRun(long seed, List<Verdict> verdicts, Map<String, Integer> workloads, long wallMillis) {
        this(seed, verdicts, workloads, wallMillis, Map.of());
    }

    /** Every crash and pause point visited, over all targets. */
    public long totalCrashPoints() {
        return crashPoints.values().stream().mapToLong(Long::longValue).sum();
    }

    public Optional<Verdict> verdict(String target, Guarantee g, Context context) {
        return verdicts.stream().filter(v -> v.cell().equals(new CellKey(target, g, context))).findFirst();
    }

    /** Cells of a target with the given status. */
    public List<Verdict> withStatus(String target, Status status) {
        return verdicts.stream().filter(v -> v.cell().target().equals(target) && v.status() == status).toList();
    }

    /** The matrix as text, one line per violated or not-claimed cell: what a CI log shows. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        for (Verdict v : verdicts) {
            if (v.status() == Status.VIOLATED || v.status() == Status.NOT_CLAIMED) {
                out.append(String.format("%-32s %-3s %-18s %-12s %d steps, found after %d ms%n", v.cell().target(),
                        v.cell().guarantee(), v.cell().context(), v.status(), v.counterexample().workload().size(),
                        v.detectedAfterMs()));
            }
        }
        return out.toString();
    }

    /** As the reports print it. */
    public dev.crashlab.reports.CampaignResult toReport(java.time.Instant startedAt) {
        long runs = workloads.values().stream().mapToLong(Integer::longValue).sum();
        return ReportAssembler.builtIn(seed, verdicts, runs, totalCrashPoints(), wallMillis, startedAt,
                id -> Catalog.entry(id).map(e -> new ReportAssembler.Expected(e.seed(), e.guarantees())))
                .ranIn(dev.crashlab.reports.Environment.here(Roots.parent()));
    }
}
