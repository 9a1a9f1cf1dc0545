package dev.crashlab.benchmarks;

import dev.crashlab.reports.Estimate;
import dev.crashlab.reports.BenchmarkRow;
import dev.crashlab.reports.Budget;
import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Counts;
import dev.crashlab.reports.Format;
import dev.crashlab.reports.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The same rows in the reports module's model, so the campaign's report.json and report.html can
 * carry the "guarantee vs cost" table, and a report with no targets renders it on its own. The
 * reports model has no ratio column; cost.md keeps the ratios.
 */
final class ReportsExport {

    static final String TOOL_VERSION = "0.1.0-SNAPSHOT";

    private ReportsExport() {
    }

    /** Writes report.json, report.html and summary.md into {@code dir}. */
    static void write(List<CostTable> tables, Instant startedAt, long durationMillis, Path dir) throws IOException {
        write(CampaignResult.of(TOOL_VERSION, 0, Budget.unbounded(), startedAt, durationMillis, Counts.zero(), List.of(),
                rows(tables)), dir);
    }

    /** Writes report.json, report.html and summary.md of {@code result} into {@code dir}. */
    static void write(CampaignResult result, Path dir) throws IOException {
        Reports.render(result, Format.JSON, dir.resolve(Format.JSON.fileName()));
        Reports.render(result, Format.HTML, dir.resolve(Format.HTML.fileName()));
        Reports.render(result, Format.MARKDOWN, dir.resolve(Format.MARKDOWN.fileName()));
    }

    static List<BenchmarkRow> rows(List<CostTable> tables) {
        List<BenchmarkRow> out = new ArrayList<>();
        for (CostTable t : tables) {
            for (CostRow r : t.rows()) {
                if (r.section().equals("floor")) {
                    continue;
                }
                out.add(new BenchmarkRow(r.section() + ", " + t.title(), r.label(), r.guarantees(), r.mean(),
                        exact(r.p50()), exact(r.p99()), r.opsPerSecond()));
            }
        }
        return out;
    }


    static dev.crashlab.reports.Estimate exact(Double x) {
        return x == null ? null : new dev.crashlab.reports.Estimate(x, null);
    }
}
