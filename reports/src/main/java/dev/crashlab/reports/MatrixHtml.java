package dev.crashlab.reports;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The guarantee matrix: a row per target, a column group per guarantee, a column per model. */
final class MatrixHtml {

    private MatrixHtml() {
    }

    static String of(CampaignResult result, List<Finding> findings) {
        Axes axes = Axes.of(result);
        // By identity: two targets may well carry equal cells.
        Map<Cell, Finding> links = new IdentityHashMap<>();
        findings.forEach(f -> links.put(f.cell(), f));
        StringBuilder out = new StringBuilder();
        out.append("<table class=\"matrix\">\n<thead>\n<tr><th rowspan=\"2\" class=\"target\">target</th>");
        for (Guarantee g : axes.guarantees()) {
            out.append("<th class=\"group\" colspan=\"").append(axes.models().size()).append("\" title=\"")
                    .append(Html.escape(g.label())).append("\">").append(g.name())
                    .append("<span class=\"gname\">").append(Html.escape(g.title())).append("</span></th>");
        }
        out.append("</tr>\n<tr>");
        for (Guarantee g : axes.guarantees()) {
            boolean first = true;
            for (Context m : axes.models()) {
                // Upright labels would make every column as wide as "corrupt"; turned, the 7 x 8
                // columns of a full campaign fit a 1400px window.
                out.append("<th class=\"model").append(first ? " first" : "").append("\" title=\"")
                        .append(m.wireName()).append("\"><span>").append(m.shortName()).append("</span></th>");
                first = false;
            }
        }
        out.append("</tr>\n</thead>\n<tbody>\n");
        for (TargetResult t : result.targets()) {
            row(out, t, axes, links);
        }
        return out.append("</tbody>\n</table>\n").toString();
    }

    private static void row(StringBuilder out, TargetResult t, Axes axes, Map<Cell, Finding> links) {
        out.append("<tr><th class=\"target\" title=\"").append(Html.escape(t.id())).append("\">")
                .append("<span class=\"id\">").append(breakable(Html.label(t.id()))).append("</span>");
        if (t.seededBug()) {
            out.append(" <span class=\"badge seeded\">seeded bug")
                    .append(t.source() == null ? "" : " \u00b7 " + Html.label(t.source()))
                    .append("</span>");
        }
        for (Guarantee missed : t.missedFindings()) {
            out.append(" <span class=\"badge missed\" title=\"catalogued to break ")
                    .append(missed.name()).append(" but every check held: the check is broken\">missed ")
                    .append(missed.name()).append("</span>");
        }
        out.append("</th>");
        for (Guarantee g : axes.guarantees()) {
            boolean first = true;
            for (Context m : axes.models()) {
                cell(out, t, t.cell(g, m), g, m, first, links);
                first = false;
            }
        }
        out.append("</tr>\n");
    }

    /**
     * An escaped id with a line-break opportunity after each '/', '.', '_' and '-', so that
     * "reference/FILE_AND_DIRECTORY" wraps at a separator rather than mid-word. None of these
     * characters occurs inside an entity of {@link Html#escape}.
     */
    static String breakable(String escaped) {
        StringBuilder out = new StringBuilder(escaped.length() + 16);
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            out.append(c);
            if ((c == '/' || c == '.' || c == '_' || c == '-') && i + 1 < escaped.length()) {
                out.append("<wbr>");
            }
        }
        return out.toString();
    }

    private static void cell(StringBuilder out, TargetResult t, Cell c, Guarantee g, Context m,
                             boolean first, Map<Cell, Finding> links) {
        String where = g.label() + " \u00b7 " + m.wireName() + ": ";
        String css = first ? " first" : "";
        if (c == null) {
            out.append("<td class=\"cell unchecked").append(css).append("\" title=\"")
                    .append(Html.escape(where + "not checked")).append("\"></td>");
            return;
        }
        Outcome o = Outcome.of(t, c);
        out.append("<td class=\"cell ").append(o.cssClass()).append(css).append("\" title=\"")
                .append(Html.escape(where + o.text() + " \u00b7 " + c.statesExplored() + " states"))
                .append("\">");
        Finding f = links.get(c);
        if (f != null) {
            out.append("<a href=\"#").append(f.anchor()).append("\">").append(o.symbol()).append("</a>");
        } else {
            out.append(o.symbol());
        }
        out.append("</td>");
    }
}
