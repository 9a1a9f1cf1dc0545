package dev.crashlab.reports;

/** One finding's section: what broke, the workload, the marked trace, the crash state, the evidence. */
final class CounterexampleHtml {

    private CounterexampleHtml() {
    }

    static String of(Finding f) {
        Counterexample cx = f.counterexample();
        Outcome o = f.outcome();
        StringBuilder out = new StringBuilder();
        out.append("<section class=\"finding ").append(o.cssClass()).append("\" id=\"").append(f.anchor())
                .append("\">\n<h3><span class=\"badge ").append(o.cssClass()).append("\">")
                .append(o.text()).append("</span> ").append(Html.label(f.target().id()))
                .append(" \u00b7 ").append(Html.escape(f.cell().guarantee().label()))
                .append(" \u00b7 ").append(f.cell().model().wireName()).append("</h3>\n");
        out.append("<dl class=\"facts\">");
        fact(out, "fault", Html.escape(cx.fault()));
        if (cx.crashPoint() != null) {
            fact(out, f.cell().model() == Model.CONCURRENT_READER ? "pause point" : "crash point",
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
        out.append("<div class=\"evidence\"><div class=\"saw\"><h4>reader saw</h4><pre>")
                .append(Html.escape(cx.readerSaw())).append("</pre></div><div class=\"allowed\"><h4>allowed</h4>");
        if (cx.allowed().isEmpty()) {
            out.append("<pre>(nothing)</pre>");
        }
        cx.allowed().forEach(a -> out.append("<pre>").append(Html.escape(a)).append("</pre>"));
        out.append("</div></div>\n</section>\n");
        return out.toString();
    }

    private static String trace(Counterexample cx, Model model) {
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
                    .append(op.index()).append("</td><td>").append(Html.escape(op.kind()))
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
