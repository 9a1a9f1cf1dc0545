package dev.crashlab.reports;

/**
 * The plain-text counterexample: what a failing JUnit test prints and what JUnit XML carries. Laid
 * out like Lincheck's failing interleaving, the trace numbered with the crash point marked.
 */
final class CounterexampleText {

    private CounterexampleText() {
    }

    static String of(Counterexample cx) {
        return of(cx, null);
    }

    /** @param model the cell's model, which decides whether the marker is a crash or a pause */
    static String of(Counterexample cx, Context model) {
        StringBuilder out = new StringBuilder();
        if (cx.vulnerability() != null) {
            // short first, as Lincheck prints the short interleaving first: what to fix, then the detail
            out.append(cx.vulnerability().describe(model == null ? "" : model.wireName()));
        }
        out.append("fault: ").append(cx.fault()).append('\n');
        if (!cx.workload().isEmpty()) {
            out.append("workload:\n");
            for (int i = 0; i < cx.workload().size(); i++) {
                out.append("  ").append(i + 1).append(". ").append(cx.workload().get(i)).append('\n');
            }
        }
        if (cx.crashPoint() != null) {
            out.append(TraceListing.paused(model) ? "pause point: " : "crash point: ")
                    .append(TraceListing.crashLabel(cx.crashPoint())).append('\n');
        }
        if (!cx.trace().isEmpty()) {
            out.append("I/O trace:\n").append(TraceListing.text(cx, model));
        }
        if (cx.provenance() != null) {
            out.append("crash state: ").append(provenance(cx.provenance())).append('\n');
        }
        out.append("reader saw: ").append(cx.readerSaw()).append('\n');
        out.append("allowed:    ").append(cx.allowed().isEmpty() ? "(nothing)"
                : String.join(" | ", cx.allowed())).append('\n');
        if (cx.sourceLine() != null) {
            out.append("source:     ").append(cx.sourceLine()).append('\n');
        }
        out.append("replay:     ").append(cx.replayCommand()).append('\n');
        return out.toString();
    }

    static String provenance(Fates p) {
        StringBuilder out = new StringBuilder();
        out.append("persisted ").append(ops(p.persisted()));
        out.append("; dropped ").append(ops(p.dropped()));
        out.append("; torn ");
        if (p.torn().isEmpty()) {
            out.append("none");
        }
        for (int i = 0; i < p.torn().size(); i++) {
            TornOp t = p.torn().get(i);
            out.append(i > 0 ? ", " : "").append('#').append(t.op()).append(" (").append(t.detail())
                    .append(')');
        }
        return out.toString();
    }

    private static String ops(java.util.List<Integer> indexes) {
        if (indexes.isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < indexes.size(); i++) {
            out.append(i > 0 ? " " : "").append('#').append(indexes.get(i));
        }
        return out.toString();
    }
}
