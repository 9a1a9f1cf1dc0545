package dev.crashlab.reports;

import java.util.ArrayList;
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
        List<String[]> facts = new ArrayList<>();
        // a user's check has no seed to re-run it with and is no campaign: neither is named
        if (r.seeded()) {
            facts.add(new String[] {"seed", String.valueOf(r.seed())});
        }
        facts.add(new String[] {"started", Durations.instant(r.startedAt())});
        facts.add(new String[] {"duration", Durations.format(r.durationMillis())});
        facts.add(new String[] {"budget", r.budget().describe()});
        if (!r.scope().isEmpty()) {
            facts.add(new String[] {"scope", r.scope()});
        }
        facts.add(new String[] {"targets", String.valueOf(r.targets().size())});
        facts.add(new String[] {"workloads", String.valueOf(r.counts().workloads())});
        facts.add(new String[] {"crash points", String.valueOf(r.counts().crashPoints())});
        facts.add(new String[] {"crash states checked", String.valueOf(r.counts().crashStatesChecked())});
        facts.add(new String[] {"crashlab", Printable.label(r.toolVersion())});
        for (Environment e : r.environments()) {
            facts.add(new String[] {"ran on", Printable.label(e.describe(), Integer.MAX_VALUE)});
        }
        for (String[] f : facts) {
            out.append("<dt>").append(f[0]).append("</dt><dd>").append(Html.escape(f[1])).append("</dd>");
        }
        return out.append("</dl>\n</header>\n").toString();
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
