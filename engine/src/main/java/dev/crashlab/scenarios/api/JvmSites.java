package dev.crashlab.scenarios.api;

import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Source lines for a trace recorded at the system calls, from the JVM recording of the same writer
 * (the run that proved incomplete): an operation both saw gets the Java line and thread the JVM
 * recording named; the others keep their system call and program. Matched in order, each within a
 * few operations of the last match, so one missing operation does not shift every line after it.
 */
final class JvmSites {

    private static final int WINDOW = 8;

    private JvmSites() {
    }

    static IoTrace named(IoTrace syscalls, IoTrace jvm) {
        List<IoOp> out = new ArrayList<>(syscalls.size());
        int next = 0;
        for (IoOp op : syscalls.ops()) {
            int match = -1;
            for (int k = next; k < jvm.size() && k < next + WINDOW; k++) {
                if (same(op, jvm.get(k))) {
                    match = k;
                    break;
                }
            }
            if (match < 0 || jvm.get(match).site() == null) {
                out.add(op);
                continue;
            }
            IoOp seen = jvm.get(match);
            out.add(new IoOp(op.index(), op.kind(), op.path(), op.target(), op.offset(), op.length(), op.data(),
                    op.atomic(), seen.thread(), seen.site(), op.opened(), op.durable()));
            next = match + 1;
        }
        return new IoTrace(syscalls.before(), out);
    }

    private static boolean same(IoOp a, IoOp b) {
        return a.kind() == b.kind() && a.path().equals(b.path()) && Objects.equals(a.target(), b.target())
                && a.offset() == b.offset() && a.length() == b.length();
    }
}
