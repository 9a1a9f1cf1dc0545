package dev.crashlab.benchmarks;

import dev.crashlab.reports.Estimate;
import java.util.List;

/**
 * The tables as Markdown: one per medium and value size, then the goals. Local to this module: the
 * reports module's model has no ratio columns, and the ratios are what this table is read for.
 */
final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(List<CostTable> tables, List<HarnessFigure> harness, String header,
                                List<String> notes) {
        return render(tables, harness, header, notes, HeldGuarantees.claims());
    }

    /** @param held must be what {@code tables} were built with: it words the header and the breaks column */
    static String render(List<CostTable> tables, List<HarnessFigure> harness, String header,
                         List<String> notes, HeldGuarantees held) {
        StringBuilder out = new StringBuilder("# What each guarantee costs\n\n").append(header).append("\n\n");
        out.append("Latencies in microseconds per put (or per entry), mean ± the half-width of JMH's 99.9% ")
                .append("confidence interval; p50/p99 from JMH's sampled invocations. ")
                .append(held.describe()).append("\n\n")
                .append(Guarantees.LEGEND).append(".\n");
        for (CostTable t : tables) {
            out.append("\n## ").append(t.title()).append("\n\n");
            out.append("| section | what | holds | ").append(held.breaksHeader()).append(" | mean µs | p50 µs | p99 µs | ops/s | ratio of means | ratio of p50s | compared with |\n");
            out.append("|---|---|---|---|--:|--:|--:|--:|--:|--:|---|\n");
            for (CostRow r : t.rows()) {
                out.append("| ").append(r.section()).append(" | ").append(cell(r.label())).append(" | ")
                        .append(cell(r.holds())).append(" | ").append(cell(r.breaks())).append(" | ")
                        .append(r.mean().describe()).append(" | ").append(number(r.p50())).append(" | ")
                        .append(number(r.p99())).append(" | ")
                        .append(r.opsPerSecond() == null ? "" : Estimate.format(r.opsPerSecond().value())).append(" | ")
                        .append(r.ratio() == null ? "" : r.ratio().describe() + "x").append(" | ")
                        .append(r.medianRatio() == null ? "" : Estimate.format(r.medianRatio()) + "x").append(" | ")
                        .append(cell(r.comparedWith())).append(" |\n");
            }
        }
        out.append("\n## Goals\n\nThe verdict judges the ratio of the means and its error bar; the ratio of the medians "
                + "is there to tell a slow tail (noise, writeback) from a slow typical put.\n\n"
                + "| goal | where | ratio of means | ratio of p50s | limit | verdict |\n|---|---|--:|--:|--:|---|\n");
        for (CostTable t : tables) {
            for (Goal g : t.goals()) {
                out.append("| ").append(g.name()).append(" | ").append(g.where()).append(" | ")
                        .append(g.ratio() == null ? "" : g.ratio().describe() + "x").append(" | ")
                        .append(g.medianRatio() == null ? "" : Estimate.format(g.medianRatio()) + "x").append(" | ≤ ")
                        .append(Estimate.format(g.limit())).append("x | ").append(g.verdict()).append(" |\n");
            }
        }
        if (!harness.isEmpty()) {
            out.append("\n## Harness: crash states checked per second\n\n")
                    .append("Every distinct state a model allows for a trace of reference puts, materialized in memory ")
                    .append("(Jimfs) and checked by reading every entry back; one thread.\n\n")
                    .append("| persistence model | puts in the trace | states/s |\n|---|--:|--:|\n");
            for (HarnessFigure h : harness) {
                out.append("| ").append(h.model()).append(" | ").append(h.puts()).append(" | ")
                        .append(h.statesPerSecond().describe()).append(" |\n");
            }
        }
        if (!notes.isEmpty()) {
            out.append("\n## Notes\n\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static String number(Double x) {
        return x == null ? "" : Estimate.format(x);
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|");
    }
}
