package dev.crashlab.reports;

import java.util.List;

/** The findings' cards: what broke, the evidence, and behind a click the workload, the marked trace and the crash state. */
final class CounterexampleHtml {

    private CounterexampleHtml() {
    }

    /**
     * One card per target and guarantee: a seeded bug breaks the same guarantee under several
     * models, nearly alike, and a card each made the default campaign's report 47 cards long. The
     * first counterexample (the earliest model) is shown; each other model's is one collapsed line.
     * Every counterexample keeps its own anchor, which the matrix links to.
     */
    static String group(List<Finding> same) {
        Finding first = same.get(0);
        Outcome o = first.outcome();
        StringBuilder out = new StringBuilder();
        out.append("<section class=\"finding ").append(o.cssClass()).append("\">\n<h3><span class=\"badge ")
                .append(o.cssClass()).append("\">").append(o.text()).append("</span> ").append(Html.label(first.target().id()))
                .append(" \u00b7 ").append(Html.escape(first.cell().guarantee().label())).append("</h3>\n");
        out.append("<p class=\"models\">under ");
        for (int i = 0; i < same.size(); i++) {
            Finding f = same.get(i);
            out.append(i == 0 ? "" : ", ").append("<a href=\"#").append(f.anchor()).append("\">")
                    .append(f.cell().model().wireName()).append("</a>");
        }
        out.append("</p>\n").append(block(first, same.size() > 1));
        for (Finding f : same.subList(1, same.size())) {
            out.append("<details class=\"more\"><summary>under ").append(f.cell().model().wireName()).append(": ")
                    .append(Html.escape(f.counterexample().fault())).append("</summary>\n").append(block(f, false))
                    .append("</details>\n");
        }
        return out.append("</section>\n").toString();
    }

    /** What broke and the evidence in view; the workload and the trace behind one click. */
    static String block(Finding f, boolean sayModel) {
        Counterexample cx = f.counterexample();
        StringBuilder out = new StringBuilder();
        out.append("<div class=\"cx\" id=\"").append(f.anchor()).append("\">\n<dl class=\"facts\">");
        if (sayModel) {
            fact(out, "model", f.cell().model().wireName() + " (the others below)");
        }
        Vulnerability why = cx.vulnerability();
        if (why != null) {
            // what to fix first, then the evidence (Lincheck's short form before the detail)
            fact(out, "vulnerability", "<span title=\"" + Html.escape(why.kind().meaning()) + "\">"
                    + Html.escape(why.kind().title()) + "</span>");
            fact(out, "fix", Html.escape(why.fix().describe(f.cell().model().wireName())));
        }
        fact(out, "fault", Html.escape(cx.fault()));
        if (cx.crashPoint() != null) {
            fact(out, TraceListing.paused(f.cell().model()) ? "pause point" : "crash point",
                    Html.escape(TraceListing.crashLabel(cx.crashPoint())));
        }
        if (cx.sourceLine() != null) {
            fact(out, "source", "<code>" + Html.escape(cx.sourceLine()) + "</code>");
        }
        fact(out, "replay", "<code>" + Html.escape(cx.replayCommand()) + "</code>");
        if (f.cell().timeToDetectMillis() != null) {
            fact(out, "found after", Durations.format(f.cell().timeToDetectMillis()) + ", "
                    + f.cell().statesExplored() + " states explored");
        }
        out.append("</dl>\n");
        out.append("<div class=\"evidence\"><div class=\"saw\"><h4>reader saw</h4><pre>")
                .append(Html.escape(cx.readerSaw())).append("</pre></div><div class=\"allowed\"><h4>allowed</h4>");
        if (cx.allowed().isEmpty()) {
            out.append("<pre>(nothing)</pre>");
        }
        cx.allowed().forEach(a -> out.append("<pre>").append(Html.escape(a)).append("</pre>"));
        out.append("</div></div>\n");
        List<String> parts = new java.util.ArrayList<>();
        if (!cx.workload().isEmpty()) {
            parts.add("workload (" + cx.workload().size() + (cx.workload().size() == 1 ? " step)" : " steps)"));
        }
        if (!cx.trace().isEmpty()) {
            parts.add("I/O trace (" + cx.trace().size() + " operations)");
        }
        if (cx.provenance() != null) {
            parts.add("crash state");
        }
        if (parts.isEmpty()) {
            return out.append("</div>\n").toString();
        }
        out.append("<details class=\"steps\"><summary>").append(String.join(", ", parts)).append("</summary>\n");
        if (!cx.workload().isEmpty()) {
            out.append("<h4>workload</h4>\n<ol class=\"workload\">");
            cx.workload().forEach(step -> out.append("<li><code>").append(Html.escape(step))
                    .append("</code></li>"));
            out.append("</ol>\n");
        }
        if (!cx.trace().isEmpty()) {
            out.append("<h4>I/O trace</h4>\n").append(trace(cx, f.cell().model()));
        }
        if (cx.provenance() != null) {
            out.append("<p class=\"provenance\"><b>crash state:</b> ")
                    .append(Html.escape(CounterexampleText.provenance(cx.provenance()))).append("</p>\n");
        }
        return out.append("</details>\n</div>\n").toString();
    }

    private static String trace(Counterexample cx, Context model) {
        StringBuilder out = new StringBuilder("<table class=\"trace\">\n<tr><th>#</th><th>operation</th>"
                + "<th>path</th><th>detail</th><th>site</th><th>in the crash state</th></tr>\n");
        for (TraceListing.Row row : TraceListing.rows(cx)) {
            if (row.isCrash()) {
                out.append("<tr class=\"crash\"><td colspan=\"6\">\u26a1 ").append(TraceListing.marker(model)).append(" (")
                        .append(Html.escape(TraceListing.crashLabel(cx.crashPoint()))).append(")</td></tr>\n");
                continue;
            }
            TraceOp op = row.op();
            String fate = row.fate() == null ? "" : row.fate();
            out.append("<tr class=\"op ").append(fate.replace(' ', '-')).append("\"><td class=\"num\">")
                    .append(op.index()).append("</td><td class=\"kind\">").append(Html.escape(op.kind()))
                    .append("</td><td><code>").append(Html.escape(op.path())).append("</code></td><td>")
                    .append(Html.escape(op.detail())).append("</td><td><code>").append(Html.escape(op.site()))
                    .append("</code></td><td>").append(fate).append("</td></tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private static void fact(StringBuilder out, String name, String html) {
        out.append("<dt>").append(name).append("</dt><dd>").append(html).append("</dd>");
    }
}
