package dev.crashlab.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The numbered trace with the crash point marked, in the same shape as the faults module's
 * {@code IoTrace.listing(crashPoint)}, so a report reads like the harness's own output. The text and
 * HTML forms both lay out {@link #rows}, so the marker cannot land in different places.
 */
final class TraceListing {

    /** An operation with its fate in the crash state, or (op == null) the crash marker. */
    record Row(TraceOp op, String fate) {

        boolean isCrash() {
            return op == null;
        }
    }

    private TraceListing() {
    }

    static List<Row> rows(Counterexample cx) {
        List<Row> rows = new ArrayList<>();
        CrashPoint crash = cx.crashPoint();
        boolean marked = crash == null;
        for (TraceOp op : cx.trace()) {
            if (!marked && crash.position() == CrashPosition.BEFORE && op.index() == crash.op()) {
                rows.add(new Row(null, null));
                marked = true;
            }
            rows.add(new Row(op, fate(cx, op.index())));
            if (!marked && op.index() == crash.op()) {
                rows.add(new Row(null, null));
                marked = true;
            }
        }
        if (!marked) {
            rows.add(new Row(null, null));
        }
        return rows;
    }

    static String text(Counterexample cx, Context model) {
        StringBuilder out = new StringBuilder();
        for (Row row : rows(cx)) {
            if (row.isCrash()) {
                out.append("  --> ").append(marker(model)).append(" (").append(crashLabel(cx.crashPoint()))
                        .append(")\n");
                continue;
            }
            out.append(prefix(row.fate())).append(line(row.op()));
            if (row.fate() != null) {
                out.append("  [").append(row.fate()).append(']');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * What the marker says. Under the concurrent reader nothing crashed: the writer was paused there
     * and the reader ran, and calling that a crash would send people looking for the wrong fault.
     */
    static String marker(Context model) {
        return model == Context.CONCURRENT_READER ? "writer paused here, reader ran"
                : model == Context.RACE ? "writer paused here, the other side ran" : "crash here";
    }

    /** Whether the counterexample's point is a pause (a reader or a rival ran there), not a crash. */
    static boolean paused(Context model) {
        return model == Context.CONCURRENT_READER || model == Context.RACE;
    }

    /** "inside #3: 7 of 12 bytes reached the file". */
    static String crashLabel(CrashPoint crash) {
        return crash.label() + (crash.detail() == null ? "" : ": " + crash.detail());
    }

    /** One operation without its marker: "#3   WRITE           .tmp-1 @0 +12 bytes  at Foo.java:9". */
    static String line(TraceOp op) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "#%-3d %-15s %s",
                op.index(), op.kind(), op.path()));
        if (op.detail() != null) {
            out.append(' ').append(op.detail());
        }
        if (op.site() != null) {
            out.append("  at ").append(op.site());
        }
        return out.toString();
    }

    /** What became of an operation in the crash state; null when no crash state was built. */
    static String fate(Counterexample cx, int index) {
        CrashPoint crash = cx.crashPoint();
        if (crash != null && !crash.happened(index)) {
            if (index == crash.op() && crash.position() == CrashPosition.INSIDE) {
                return "partial";
            }
            return "not reached";
        }
        return cx.provenance() == null ? null : cx.provenance().fateOf(index);
    }

    private static String prefix(String fate) {
        if ("partial".equals(fate)) {
            return "  ~ ";
        }
        return "not reached".equals(fate) ? "  x " : "    ";
    }
}
