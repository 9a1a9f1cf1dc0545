package dev.crashlab.reports;

import java.util.List;

/** The page's top: the verdict a person reads first, then what the campaign did. */
final class HeaderHtml {

    private HeaderHtml() {
    }

    static String of(CampaignResult r) {
        StringBuilder out = new StringBuilder("<header>\n<h1>crashlab report</h1>\n");
        long violations = r.violations();
        long missed = r.missedFindings();
        if (violations > 0) {
            out.append("<div class=\"verdict fail\">\u2717 ").append(plural(violations, "violation"))
                    .append(" of claimed guarantees</div>\n");
        }
        if (missed > 0) {
            out.append("<div class=\"verdict fail\">\u2717 ").append(plural(missed, "seeded-bug finding"))
                    .append(" missed: a check is broken</div>\n");
        }
        if (r.targets().isEmpty()) {
            // A benchmarks-only report checked nothing: "every guarantee holds" would be a claim.
            out.append("<div class=\"verdict none\">no target was checked</div>\n");
        } else if (violations == 0 && missed == 0) {
            out.append("<div class=\"verdict pass\">\u2713 every claimed guarantee holds</div>\n");
        }
        if (r.expectedFindings() > 0) {
            out.append("<p class=\"sub\">").append(plural(r.expectedFindings(), "expected finding"))
                    .append(" in seeded bugs</p>\n");
        }
        out.append("<dl class=\"facts run\">");
        List<String[]> facts = List.of(
                new String[] {"seed", String.valueOf(r.seed())},
                new String[] {"started", Durations.instant(r.startedAt())},
                new String[] {"duration", Durations.format(r.durationMillis())},
                new String[] {"budget", r.budget().describe()},
                new String[] {"scope", r.scope()},
                new String[] {"targets", String.valueOf(r.targets().size())},
                new String[] {"workloads", String.valueOf(r.counts().workloads())},
                new String[] {"crash points", String.valueOf(r.counts().crashPoints())},
                new String[] {"crash states checked", String.valueOf(r.counts().crashStatesChecked())},
                new String[] {"crashlab", Printable.label(r.toolVersion())});
        for (String[] f : facts) {
            out.append("<dt>").append(f[0]).append("</dt><dd>").append(Html.escape(f[1])).append("</dd>");
        }
        return out.append("</dl>\n</header>\n").toString();
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
