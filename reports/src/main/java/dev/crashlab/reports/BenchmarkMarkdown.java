package dev.crashlab.reports;

import java.util.List;
import java.util.stream.Collectors;

/** The "guarantee vs cost" table in summary.md, the same rows as {@link BenchmarkHtml}. */
final class BenchmarkMarkdown {

    private BenchmarkMarkdown() {
    }

    static String of(List<BenchmarkRow> rows) {
        StringBuilder out = new StringBuilder("### Guarantee vs cost\n\n"
                + "| benchmark | option | guarantees held | mean \u00b5s | p50 \u00b5s | p99 \u00b5s | ops/s |\n"
                + "|---|---|---|--:|--:|--:|--:|\n");
        for (BenchmarkRow r : rows) {
            out.append("| ").append(Markdown.escape(r.benchmark())).append(" | ").append(Markdown.escape(r.option()))
                    .append(" | ").append(r.guaranteesHeld().stream().map(Guarantee::name).collect(Collectors.joining(" ")))
                    .append(" | ").append(num(r.meanMicros())).append(" | ").append(num(r.p50Micros()))
                    .append(" | ").append(num(r.p99Micros())).append(" | ").append(num(r.opsPerSecond()))
                    .append(" |\n");
        }
        return out.append('\n').toString();
    }

    private static String num(Estimate e) {
        return e == null ? "" : e.describe();
    }
}
