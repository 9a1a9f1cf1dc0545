package dev.crashlab.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.crashlab.reports.Estimate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's cost table on disk: bench.md (as printed), bench.json (the same rows, every figure with
 * its error), bench.html (the table and the charts), and one chart per medium, bench-MEDIUM.svg and
 * .png, drawn by the built-in benchmarks' chart code: mean latency per call on a log axis with its
 * error bars, each bar labelled with the guarantees the variant keeps.
 */
final class WriterCostFiles {

    private WriterCostFiles() {
    }

    static void write(WriterCostTable t, String header, String markdown, Path out, PrintWriter progress) throws IOException {
        Files.writeString(out.resolve("bench.md"), markdown);
        Files.writeString(out.resolve("bench.json"), json(t, header));
        List<Path> charts = new ArrayList<>();
        try {
            for (String fs : t.rows().stream().map(WriterCostRow::fs).distinct().toList()) {
                charts.add(CostChart.write(chartRows(t), fs, out, "bench-" + fs,
                        "What each variant costs, and keeps: " + t.provider() + " on " + fs, r -> true));
            }
        } catch (RuntimeException | Error e) {
            // Java2D without fonts (a bare container) throws from deep inside; the table matters more.
            progress.println("crashlab bench: no chart on this machine (" + e + "); bench.md has every figure.");
        }
        Files.writeString(out.resolve("bench.html"), html(t, header, charts));
        progress.println("crashlab bench: wrote bench.md, bench.json, bench.html, bench-*.svg/.png, report.json,"
                + " report.html, summary.md, jmh.json and jmh.log to " + out.toAbsolutePath());
    }

    static String json(WriterCostTable t, String header) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("header", header);
        doc.put("units", "latencies in microseconds per writer call, value and error (half-width of JMH's 99.9% confidence"
                + " interval); opsPerSecond per second; ratios are of the means");
        doc.put("table", t);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
    }

    /** The rows as the chart code takes them: a table per medium, floors in their own colour. */
    static List<CostTable> chartRows(WriterCostTable t) {
        Map<String, List<CostRow>> byMedium = new LinkedHashMap<>();
        for (WriterCostRow r : t.rows()) {
            byMedium.computeIfAbsent(r.fs(), k -> new ArrayList<>()).add(new CostRow(r.floor() ? "machine floor" : "variant",
                    r.what(), java.util.Set.of(), r.floor() ? "" : "keeps " + r.holds(), "", r.mean(), r.p50(), r.p99(),
                    r.opsPerSecond(), "", null, null));
        }
        List<CostTable> out = new ArrayList<>();
        byMedium.forEach((fs, rows) -> out.add(new CostTable(fs, t.floorBytes(), rows, List.of())));
        return out;
    }

    static String html(WriterCostTable t, String header, List<Path> charts) throws IOException {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape("What each variant of " + t.provider() + " costs")).append("</title>\n<style>"
                        + "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:3px 6px;font-size:13px}td.num{text-align:right}"
                        + ".violated{background:#fdd}.broken{background:#fed}.held{background:#dfd}</style></head><body>\n<h1>")
                .append(escape("What each variant of " + t.provider() + " costs")).append("</h1>\n<p>")
                .append(escape(header)).append("</p>\n<table>\n<tr><th>variant</th><th>on</th><th>ops/s</th><th>mean µs</th>"
                        + "<th>p50 µs</th><th>p99 µs</th><th>fsyncs/call</th><th>vs write + fsync</th><th>vs replace</th><th>vs ")
                .append(escape(t.baseline())).append("</th><th>holds</th>");
        t.columns().forEach(c -> out.append("<th>").append(escape(c)).append("</th>"));
        out.append("</tr>\n");
        for (WriterCostRow r : t.rows()) {
            out.append("<tr><td>").append(escape(r.what())).append("</td><td>").append(r.fs()).append("</td>")
                    .append(num(r.opsPerSecond() == null ? "" : Estimate.format(r.opsPerSecond().value())))
                    .append(num(r.mean().describe())).append(num(r.p50() == null ? "" : Estimate.format(r.p50())))
                    .append(num(r.p99() == null ? "" : Estimate.format(r.p99())))
                    .append(num(r.syncs() < 0 ? "?" : Long.toString(r.syncs())))
                    .append(num(r.vsWriteFsync() == null ? "" : r.vsWriteFsync().describe()))
                    .append(num(r.vsReplace() == null ? "" : r.vsReplace().describe()))
                    .append(num(r.floor() ? "" : r.vsBaseline() == null ? "(baseline)" : r.vsBaseline().describe()))
                    .append("<td>").append(escape(r.holds())).append("</td>");
            for (String c : t.columns()) {
                String word = r.floor() ? "" : r.cells().getOrDefault(c, "not checked");
                String css = word.equals(VariantCheck.VIOLATED) ? "violated" : word.equals(VariantCheck.BROKEN_UNCLAIMED)
                        ? "broken" : word.equals(VariantCheck.HELD) ? "held" : "";
                out.append("<td class=\"").append(css).append("\">").append(escape(word)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n<ul>\n");
        WriterCostMarkdown.legend(t).forEach(l -> out.append("<li>").append(escape(l.substring(2))).append("</li>\n"));
        t.missing().forEach(m -> out.append("<li>not measured: ").append(escape(m)).append("</li>\n"));
        out.append("</ul>\n");
        for (Path svg : charts) {
            String doc = Files.readString(svg);
            out.append("<div>").append(doc.substring(Math.max(0, doc.indexOf("<svg")))).append("</div>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    private static String num(String text) {
        return "<td class=\"num\">" + escape(text) + "</td>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
