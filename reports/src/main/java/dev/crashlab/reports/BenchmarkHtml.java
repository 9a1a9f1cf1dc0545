package dev.crashlab.reports;

import java.util.List;

/** The "guarantee vs cost" table: what each durability option holds next to what it costs. */
final class BenchmarkHtml {

    private BenchmarkHtml() {
    }

    static String of(List<BenchmarkRow> rows) {
        StringBuilder out = new StringBuilder("<table class=\"bench\">\n<tr><th>benchmark</th><th>option</th>"
                + "<th>guarantees held</th><th>mean \u00b5s</th><th>p50 \u00b5s</th><th>p99 \u00b5s</th>"
                + "<th>ops/s</th></tr>\n");
        for (BenchmarkRow r : rows) {
            out.append("<tr><td>").append(Html.label(r.benchmark())).append("</td><td><code>")
                    .append(Html.label(r.option())).append("</code></td><td>");
            for (Guarantee g : Guarantee.values()) {
                boolean held = r.guaranteesHeld().contains(g);
                out.append("<span class=\"chip").append(held ? " on" : "").append("\" title=\"")
                        .append(Html.escape(g.label())).append(held ? " held" : " not held").append("\">")
                        .append(g.name()).append("</span>");
            }
            out.append("</td>").append(num(r.meanMicros())).append(num(r.p50Micros()))
                    .append(num(r.p99Micros())).append(num(r.opsPerSecond())).append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private static String num(Estimate e) {
        return "<td class=\"num\">" + (e == null ? "" : Html.escape(e.describe())) + "</td>";
    }
}
