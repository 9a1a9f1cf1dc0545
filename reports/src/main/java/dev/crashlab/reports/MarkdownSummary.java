package dev.crashlab.reports;

import java.util.List;

/**
 * summary.md, for a CI step summary: the verdict, a compact matrix (one column per guarantee, the
 * models folded in), a line per violation, and the expected findings kept apart so nobody mistakes
 * them for failures.
 */
final class MarkdownSummary {

    /** Step summaries are capped (GitHub: 1 MiB); past this many lines a section points at the HTML. */
    static final int MAX_LINES = 50;

    private MarkdownSummary() {
    }

    static String of(CampaignResult r) {
        StringBuilder out = new StringBuilder();
        out.append("## crashlab: ").append(verdict(r)).append("\n\n");
        // a user's check has no seed to re-run it with and is no campaign: neither is named
        out.append(r.seeded() ? "seed `" + r.seed() + "` \u00b7 " : "").append("budget: ")
                .append(Markdown.escape(r.budget().describe())).append(" \u00b7 ")
                .append(r.scope().isEmpty() ? "" : r.scope() + " \u00b7 ").append(r.targets().size()).append(" targets \u00b7 ")
                .append(r.counts().crashStatesChecked()).append(" crash states checked \u00b7 ")
                .append(Durations.format(r.durationMillis())).append("\n\n");
        if (!r.environments().isEmpty()) {
            out.append("ran on ").append(Markdown.text(Environment.describe(r.environments()))).append("\n\n");
        }
        out.append(VulnerabilityTable.markdown(VulnerabilityTable.of(r, Outcome.VIOLATION)));
        Axes axes = Axes.of(r);
        if (!r.targets().isEmpty() && !axes.guarantees().isEmpty()) {
            matrix(out, r, axes);
        }
        notes(out, r);
        List<Finding> findings = Finding.of(r);
        list(out, "Violations", findings, Outcome.VIOLATION);
        list(out, "Expected findings (seeded bugs)", findings, Outcome.EXPECTED_FINDING);
        out.append(VulnerabilityTable.markdown("Seeded bugs, explained",
                VulnerabilityTable.of(r, Outcome.EXPECTED_FINDING)));
        missed(out, r);
        if (!r.benchmarks().isEmpty()) {
            out.append(BenchmarkMarkdown.of(r.benchmarks()));
        }
        return out.toString();
    }

    /** What the verdicts alone do not say (a writer that failed under a fault, a reader never paused). */
    private static void notes(StringBuilder out, CampaignResult r) {
        List<String> lines = r.targets().stream()
                .flatMap(t -> t.notes().stream().map(n -> "- " + Markdown.escape(n))).toList();
        if (!lines.isEmpty()) {
            out.append("### Notes\n\n").append(String.join("\n", lines)).append("\n\n");
        }
    }

    private static String verdict(CampaignResult r) {
        if (r.targets().isEmpty()) {
            return "no target was checked";
        }
        if (r.passed()) {
            return "\u2705 every claimed guarantee holds";
        }
        if (r.violations() == 0 && r.missedFindings() == 0) {
            return "\u231b not finished: the budget ran out with " + r.incomplete() + " cell(s) not fully explored;"
                    + " nothing judged broke a claimed guarantee";
        }
        StringBuilder v = new StringBuilder("\u274c");
        if (r.violations() > 0) {
            v.append(' ').append(HeaderHtml.plural(r.violations(), "violation"));
        }
        if (r.missedFindings() > 0) {
            v.append(r.violations() > 0 ? "," : "").append(' ')
                    .append(HeaderHtml.plural(r.missedFindings(), "missed finding"));
        }
        return v.toString();
    }

    private static void matrix(StringBuilder out, CampaignResult r, Axes axes) {
        out.append("| target |");
        axes.guarantees().forEach(g -> out.append(' ').append(g.name()).append(" |"));
        out.append("\n|---|");
        axes.guarantees().forEach(g -> out.append(":-:|"));
        out.append('\n');
        for (TargetResult t : r.targets()) {
            out.append("| ").append(Markdown.escape(t.id())).append(t.seededBug() ? " *(seeded bug)*" : "")
                    .append(" |");
            for (Guarantee g : axes.guarantees()) {
                out.append(' ').append(folded(t, g, axes.models())).append(" |");
            }
            out.append('\n');
        }
        out.append("\n\u2705 held \u00b7 \u274c violated (models) \u00b7 ")
                .append(r.hasSeededBugs() ? "\uD83C\uDFAF expected finding \u00b7 " : "")
                .append("\u2796 not claimed \u00b7 ")
                .append(r.incomplete() > 0 ? "\u231b not fully explored (budget) \u00b7 " : "")
                .append("blank: not applicable\n\n");
    }

    /** The worst outcome over the models, naming the models where it broke. */
    private static String folded(TargetResult t, Guarantee g, List<Context> models) {
        StringBuilder broken = new StringBuilder();
        Outcome worst = null;
        for (Context m : models) {
            Cell c = t.cell(g, m);
            if (c == null) {
                continue;
            }
            Outcome o = Outcome.of(t, c);
            if (o == Outcome.VIOLATION || o == Outcome.EXPECTED_FINDING) {
                broken.append(broken.length() == 0 ? "" : ", ").append(m.shortName());
            }
            if (worst == null || rank(o) > rank(worst)) {
                worst = o;
            }
        }
        if (worst == null) {
            return "";
        }
        return switch (worst) {
            case VIOLATION -> "\u274c " + broken;
            case EXPECTED_FINDING -> "\uD83C\uDFAF " + broken;
            case HELD -> "\u2705";
            case NOT_CLAIMED -> "\u2796";
            case NOT_APPLICABLE -> "";
            case INCOMPLETE -> "\u231b " + broken;
        };
    }

    private static int rank(Outcome o) {
        return switch (o) {
            case NOT_APPLICABLE -> 0;
            case NOT_CLAIMED -> 1;
            case INCOMPLETE -> 3;
            case HELD -> 2;
            case EXPECTED_FINDING -> 3;
            case VIOLATION -> 4;
        };
    }

    private static void list(StringBuilder out, String title, List<Finding> all, Outcome outcome) {
        List<Finding> these = all.stream().filter(f -> f.outcome() == outcome).toList();
        if (these.isEmpty()) {
            return;
        }
        out.append("### ").append(title).append(" (").append(these.size()).append(")\n\n");
        for (Finding f : these.subList(0, Math.min(these.size(), MAX_LINES))) {
            Counterexample cx = f.counterexample();
            out.append("- ").append(outcome == Outcome.VIOLATION ? "\u274c" : "\uD83C\uDFAF").append(" **")
                    .append(Markdown.escape(f.target().id())).append("** ")
                    .append(f.cell().guarantee().label()).append(" under ").append(f.cell().model().wireName())
                    .append(": reader saw ").append(Markdown.escape(cx.readerSaw()))
                    .append(cx.sourceLine() == null ? "" : " at " + Markdown.escape(cx.sourceLine()))
                    .append(" \u2014 replay `").append(cx.replayCommand()).append("`\n");
        }
        if (these.size() > MAX_LINES) {
            out.append("- \u2026 and ").append(these.size() - MAX_LINES).append(" more in report.html\n");
        }
        out.append('\n');
    }

    private static void missed(StringBuilder out, CampaignResult r) {
        if (r.missedFindings() == 0) {
            return;
        }
        out.append("### Missed findings (broken checks)\n\n");
        for (TargetResult t : r.targets()) {
            for (Guarantee g : t.missedFindings()) {
                out.append("- \u274c seeded bug **").append(Markdown.escape(t.id())).append("** should break ")
                        .append(g.label()).append(", but every check held\n");
            }
        }
        out.append('\n');
    }
}
