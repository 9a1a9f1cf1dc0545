package dev.crashlab.faults.trace;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The ordered, immutable record of every in-scope file operation one workload performed, together
 * with the state of the root directory before the workload began.
 */
public record IoTrace(Snapshot before, List<IoOp> ops) {

    public IoTrace {
        before = before == null ? Snapshot.empty() : before;
        ops = List.copyOf(ops);
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).index() != i) {
                throw new IllegalArgumentException("operation " + i + " carries index "
                        + ops.get(i).index() + "; a trace is numbered from 0 without gaps");
            }
        }
    }

    public static IoTrace of(List<IoOp> ops) {
        return new IoTrace(Snapshot.empty(), ops);
    }

    public int size() {
        return ops.size();
    }

    public IoOp get(int index) {
        return ops.get(index);
    }

    /** The first {@code count} operations: what a process crash after op {@code count - 1} leaves. */
    public IoTrace prefix(int count) {
        return new IoTrace(before, ops.subList(0, count));
    }

    /** The numbered listing, one operation a line. */
    public String listing() {
        return ops.stream().map(IoOp::describe).collect(Collectors.joining("\n"));
    }

    /** The listing with an arrow at the crash point (the index of the first operation that did not happen). */
    public String listing(int crashPoint) {
        StringBuilder out = new StringBuilder();
        for (IoOp op : ops) {
            if (op.index() == crashPoint) {
                out.append("  --> crash here\n");
            }
            out.append(op.index() < crashPoint ? "    " : "  x ").append(op.describe()).append('\n');
        }
        if (crashPoint >= ops.size()) {
            out.append("  --> crash here (after the last operation)\n");
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return listing();
    }
}
