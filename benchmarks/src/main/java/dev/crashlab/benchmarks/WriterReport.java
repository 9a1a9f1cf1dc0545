package dev.crashlab.benchmarks;

import dev.crashlab.reports.BenchmarkRow;
import dev.crashlab.reports.Budget;
import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Counts;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.TargetResult;
import dev.crashlab.scenarios.api.CrashResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The run in the reports module's model, for report.json, report.html and summary.md: each variant's
 * crash check as a target (its verdict matrix, and the counterexample behind every "broken (not
 * claimed)" cell of the table, which is the price a reader wants to see), and each variant's cost as
 * a "guarantee vs cost" row. The table's ratios and noise judgements stay in bench.md.
 */
final class WriterReport {

    private WriterReport() {
    }

    static void write(List<CrashResult> checks, WriterCostTable table, Instant startedAt, long durationMillis, Path dir)
            throws IOException {
        List<TargetResult> targets = new ArrayList<>();
        Counts counts = Counts.zero();
        for (CrashResult r : checks) {
            CampaignResult one = r.toReport(startedAt);
            targets.addAll(one.targets());
            counts = counts.plus(one.counts());
        }
        List<BenchmarkRow> rows = new ArrayList<>();
        for (WriterCostRow r : table.rows()) {
            if (!r.floor()) {
                rows.add(new BenchmarkRow("writer call on " + r.fs(), r.what(), keptEverywhere(r.cells()), r.mean(),
                        ReportsExport.exact(r.p50()), ReportsExport.exact(r.p99()), r.opsPerSecond()));
            }
        }
        ReportsExport.write(CampaignResult.of(ReportsExport.TOOL_VERSION, 0, Budget.unbounded(), startedAt, durationMillis,
                counts, targets, rows), dir);
    }

    /** The guarantees held, or kept though not claimed, in every context the check judged them in. */
    static Set<Guarantee> keptEverywhere(Map<String, String> cells) {
        Set<Guarantee> kept = EnumSet.noneOf(Guarantee.class);
        Set<Guarantee> lost = EnumSet.noneOf(Guarantee.class);
        cells.forEach((column, word) -> {
            Guarantee g = Guarantee.valueOf(column.substring(0, column.indexOf(' ')));
            if (word.equals(VariantCheck.HELD) || word.equals(VariantCheck.KEPT_UNCLAIMED)) {
                kept.add(g);
            } else if (!word.equals(VariantCheck.NOT_APPLICABLE)) {
                lost.add(g);
            }
        });
        kept.removeAll(lost);
        return kept;
    }
}
