package dev.crashlab.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** report.html: one self-contained page (inline CSS and SVG, no external URL). */
final class HtmlReport {

    private HtmlReport() {
    }

    static String of(CampaignResult result) {
        List<Finding> findings = Finding.of(result);
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>crashlab report").append(result.seeded() ? " \u00b7 seed " + result.seed() : "")
                .append("</title>\n<style>\n")
                .append(Resources.text("report.css")).append("</style>\n</head>\n<body>\n");
        out.append(HeaderHtml.of(result));
        out.append(VulnerabilityTable.html(VulnerabilityTable.of(result, Outcome.VIOLATION)));
        if (!result.targets().isEmpty()) {
            out.append("<h2>Guarantee matrix</h2>\n").append(legend(result.hasSeededBugs()))
                    .append("<div class=\"scroll\">").append(MatrixHtml.of(result, findings)).append("</div>\n")
                    .append(charts(result));
        }
        List<String> notes = result.targets().stream().flatMap(t -> t.notes().stream()).toList();
        if (!notes.isEmpty()) {
            out.append("<h2>Notes</h2>\n<ul class=\"notes\">\n");
            notes.forEach(n -> out.append("<li>").append(Html.escape(n)).append("</li>\n"));
            out.append("</ul>\n");
        }
        section(out, "Violations", findings, Outcome.VIOLATION,
                "Claimed guarantees that broke. Each one fails the run.");
        section(out, "Expected findings (seeded bugs)", findings, Outcome.EXPECTED_FINDING,
                "Known-bad protocols from the catalog, caught as they should be. They do not fail the run.");
        section(out, "Not claimed (the price of the option)", findings, Outcome.NOT_CLAIMED,
                "Guarantees the target's durability option does not promise, shown broken for information.");
        out.append(VulnerabilityTable.html("Seeded bugs, explained",
                VulnerabilityTable.of(result, Outcome.EXPECTED_FINDING)));
        if (!result.benchmarks().isEmpty()) {
            out.append("<h2>Guarantee vs cost</h2>\n").append(BenchmarkHtml.of(result.benchmarks()));
        }
        out.append("<footer>report.json schemaVersion ").append(result.schemaVersion())
                .append(" \u00b7 crashlab ").append(Html.label(result.toolVersion())).append("</footer>\n");
        return out.append("</body>\n</html>\n").toString();
    }

    private static String legend(boolean seededBugs) {
        StringBuilder out = new StringBuilder("<p class=\"legend\">");
        for (Outcome o : Outcome.values()) {
            if (o == Outcome.EXPECTED_FINDING && !seededBugs) {
                continue;
            }
            out.append("<span class=\"cell ").append(o.cssClass()).append("\">").append(o.symbol())
                    .append("</span> ").append(o.text()).append(" ");
        }
        return out.append("<span class=\"cell unchecked\"></span> not checked</p>\n").toString();
    }

    private static String charts(CampaignResult result) {
        List<String> svgs;
        try {
            svgs = Charts.all(result);
        } catch (NoClassDefFoundError e) {
            return "<p class=\"empty\">Charts need JFreeChart on the class path (org.jfree:jfreechart and"
                    + " org.jfree:org.jfree.svg); the command line's reports have them.</p>\n";
        } catch (RuntimeException | Error e) {
            // Java2D without fonts (a bare container) throws from deep inside; the matrix and the
            // counterexamples matter more than the charts, so the report goes out without them.
            return "<p class=\"empty\">Charts unavailable on this machine: "
                    + Html.label(String.valueOf(e)) + "</p>\n";
        }
        if (svgs.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<h2>Charts</h2>\n<div class=\"charts\">");
        svgs.forEach(svg -> out.append("<figure>").append(svg).append("</figure>"));
        return out.append("</div>\n").toString();
    }

    private static void section(StringBuilder out, String title, List<Finding> all, Outcome outcome,
                                String explanation) {
        List<Finding> these = all.stream().filter(f -> f.outcome() == outcome).toList();
        if (these.isEmpty()) {
            return;
        }
        out.append("<h2>").append(title).append(" (").append(these.size()).append(")</h2>\n<p class=\"note\">")
                .append(explanation).append("</p>\n");
        Map<String, List<Finding>> cards = new LinkedHashMap<>();
        these.forEach(f -> cards.computeIfAbsent(f.target().id() + " " + f.cell().guarantee(), k -> new ArrayList<>()).add(f));
        cards.values().forEach(same -> out.append(CounterexampleHtml.group(same)));
    }
}
