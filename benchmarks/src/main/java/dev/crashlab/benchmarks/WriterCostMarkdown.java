package dev.crashlab.benchmarks;

import dev.crashlab.reports.Estimate;
import java.util.List;

/** A user's cost table as Markdown: bench.md, and what {@code crashlab bench --target} prints. */
final class WriterCostMarkdown {

    private WriterCostMarkdown() {
    }

    static String render(WriterCostTable t, String header) {
        StringBuilder out = new StringBuilder("# What each variant of ").append(t.provider()).append(" costs\n\n")
                .append(header).append("\n\n");
        out.append("| variant | on | ops/s | mean µs | p50 µs | p99 µs | fsyncs/call | vs write + fsync | vs replace | vs ")
                .append(cell(t.baseline())).append(" | holds |");
        t.columns().forEach(c -> out.append(' ').append(c).append(" |"));
        out.append("\n|---|---|--:|--:|--:|--:|--:|--:|--:|---|---|");
        t.columns().forEach(c -> out.append("---|"));
        out.append('\n');
        for (WriterCostRow r : t.rows()) {
            out.append("| ").append(cell(r.what())).append(" | ").append(r.fs()).append(" | ")
                    .append(r.opsPerSecond() == null ? "" : Estimate.format(r.opsPerSecond().value())).append(" | ")
                    .append(r.mean().describe()).append(" | ").append(number(r.p50())).append(" | ")
                    .append(number(r.p99())).append(" | ").append(r.syncs() < 0 ? "?" : r.syncs()).append(" | ")
                    .append(spread(r.vsWriteFsync())).append(" | ").append(spread(r.vsReplace())).append(" | ")
                    .append(r.floor() ? "" : r.vsBaseline() == null ? "(baseline)" : spread(r.vsBaseline())).append(" | ")
                    .append(cell(r.holds())).append(" |");
            t.columns().forEach(c -> out.append(' ').append(r.floor() ? "" : r.cells().getOrDefault(c, "not checked"))
                    .append(" |"));
            out.append('\n');
        }
        out.append("\n").append(String.join("\n", legend(t))).append('\n');
        if (!t.missing().isEmpty()) {
            out.append("\nNot measured:\n\n");
            t.missing().forEach(m -> out.append("- ").append(m).append('\n'));
        }
        return out.toString();
    }

    static List<String> legend(WriterCostTable t) {
        return List.of(
                "- Per writer call, timed without instrumentation (each call on a fresh directory after the target's set-up,"
                        + " neither timed): mean ± the half-width of JMH's 99.9% confidence interval; p50/p99 from JMH's"
                        + " sampled calls; ops/s = 1 / mean (one thread, back to back).",
                "- fsyncs/call: fsync, fdatasync, directory fsync and SYNC/DSYNC writes in the crash check's recorded trace"
                        + " of the same variant.",
                "- Floors, on this machine in this run, " + Sizes.describe(t.floorBytes()) + " each: \"write + fsync\" overwrites"
                        + " an open file and fsyncs it; \"replace\" writes a temp file, fsyncs it, renames it over the file and"
                        + " fsyncs the directory. Ratios are of the means, the error propagated from both.",
                "- \"" + Spread.SAME + "\": the two means' 99.9% intervals overlap, so no difference is claimed, whatever"
                        + " the ratio.",
                "- Verdict columns: the crash check of the same variant, per guarantee and context, the worst over the"
                        + " faults it is checked under; \"broken (not claimed)\" is the price of not claiming it, \"kept"
                        + " (not claimed)\" held though not claimed. holds: the guarantees kept, with the contexts where"
                        + " kept only in some.");
    }

    private static String spread(Spread s) {
        return s == null ? "" : s.describe();
    }

    private static String number(Double x) {
        return x == null ? "" : Estimate.format(x);
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|");
    }
}
