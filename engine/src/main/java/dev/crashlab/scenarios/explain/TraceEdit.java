package dev.crashlab.scenarios.explain;

import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded trace with operations inserted, dropped or rewritten, renumbered so that what the
 * crash models read stays true: indexes run from 0 without gaps, and an operation through a
 * handle still refers to the position its handle was opened at.
 */
final class TraceEdit {

    private final IoTrace original;
    private final List<IoOp> out = new ArrayList<>();
    /** Per original position, where it lies in the edited trace. */
    private final int[] position;
    private int next;

    TraceEdit(IoTrace original) {
        this.original = original;
        this.position = new int[original.size() + 1];
    }

    /** Copies the original operations before {@code index}, then marks where {@code index} starts. */
    TraceEdit upTo(int index) {
        while (next < index) {
            keep();
        }
        position[next] = out.size();
        return this;
    }

    TraceEdit keep() {
        position[next] = out.size();
        out.add(original.get(next++));
        return this;
    }

    TraceEdit drop() {
        position[next] = out.size();
        next++;
        return this;
    }

    /** Replaces the next original operation with {@code op} (positions as in the original trace). */
    TraceEdit replace(IoOp op) {
        position[next] = out.size();
        out.add(op);
        next++;
        return this;
    }

    /** Adds an operation here; a handle operation's {@code opened} is an original position. */
    TraceEdit insert(IoOp op) {
        out.add(op);
        return this;
    }

    /**
     * Adds an operation that the next original position comes after: what the target promised at
     * that position (an acknowledgement) is then judged once the inserted operation is done, as a
     * fix that syncs before acknowledging would have it.
     */
    TraceEdit insertBeforePromise(IoOp op) {
        out.add(op);
        position[next] = out.size();
        return this;
    }

    /** The edited trace, and where each position of the original lies in it. */
    record Edited(IoTrace trace, int[] position) {
        /** Where the original trace's position {@code original} (0 to its size) lies in the edited one. */
        int at(int original) {
            return position[Math.max(0, Math.min(original, position.length - 1))];
        }
    }

    Edited build() {
        upTo(original.size());
        position[original.size()] = out.size();
        List<IoOp> ops = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            IoOp op = out.get(i);
            int opened = op.opened() < 0 ? -1 : Math.min(position[Math.min(op.opened(), original.size())], i);
            ops.add(new IoOp(i, op.kind(), op.path(), op.target(), op.offset(), op.length(), op.data(), op.atomic(),
                    op.thread(), op.site(), opened, op.durable()));
        }
        return new Edited(new IoTrace(original.before(), ops), position.clone());
    }

    /** An fsync of the file {@code through} acted on, through the same handle (or the same name, then). */
    static IoOp fsyncOf(IoOp through, String site) {
        int opened = through.opened() >= 0 ? through.opened() : through.index();
        return new IoOp(0, OpKind.FSYNC_FILE, through.path(), null, -1, -1, null, false, "crashlab-fix", site,
                opened, false);
    }

    static IoOp fsyncDirectory(String directory, String site) {
        return new IoOp(0, OpKind.FSYNC_DIRECTORY, directory, null, -1, -1, null, false, "crashlab-fix", site);
    }

    static IoOp onName(IoOp op, String path) {
        return new IoOp(0, op.kind(), path, op.kind() == OpKind.MOVE || op.kind() == OpKind.LINK ? op.target() : null,
                op.offset(), op.length(), op.data(), op.atomic(), op.thread(), op.site(), -1, op.durable());
    }

    static IoOp named(OpKind kind, String path, String target, String site) {
        return new IoOp(0, kind, path, target, -1, -1, null, kind == OpKind.MOVE, "crashlab-fix", site);
    }
}
