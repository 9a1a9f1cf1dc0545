package dev.crashlab.faults.trace;

import java.util.Arrays;
import java.util.Objects;

/**
 * One file operation the target really performed, as the instrumentation saw it.
 *
 * <p>Paths are relative to the run's root directory and always use '/' as the separator, so a
 * trace recorded on the default file system can be replayed onto an in-memory one. The root itself
 * is "" (a "." given by a recorder is normalized to it).
 *
 * @param index   position in the trace, from 0
 * @param kind    what happened
 * @param path    the file or directory operated on (the source of a move or link)
 * @param target  the destination of a move or link; null otherwise
 * @param offset  where a write began; -1 when not applicable
 * @param length  bytes written, or the new size for a truncate; -1 when not applicable
 * @param data    the bytes a write put in the file; null for other kinds. Shared, never copied: the
 *                array is the operation's from the moment it is given, and no one may change it
 * @param atomic  for a move: whether it was requested as ATOMIC_MOVE
 * @param thread  the name of the thread that performed the operation
 * @param site    the first stack frame belonging to the target, e.g.
 *                "dev.crashlab.store.ReferencePublish.publish(ReferencePublish.java:42)"
 * @param opened  for an operation through an open handle (write, truncate, fsync, close): how many
 *                operations the trace held when that handle was opened, and {@code path} is the
 *                name it was opened under; -1 for operations on names. A handle refers to the
 *                file, not to its name: whatever is renamed, linked or unlinked after the open, the
 *                operation acts on the file {@code path} named at that position of the trace.
 * @param durable for a write: made through a SYNC or DSYNC handle (O_SYNC, RandomAccessFile "rws" or
 *                "rwd"), so it reached stable storage before it returned
 */
// A 1 MiB write is recorded, renamed, replayed and hashed again for every trace that holds it, thousands
// of times a campaign: a defensive copy at each step was a tenth of the campaign's CPU.
public record IoOp(int index, OpKind kind, String path, String target, long offset, long length,
                   byte[] data, boolean atomic, String thread, String site, int opened, boolean durable) {

    public IoOp {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        // The root is "" everywhere (Snapshot, the crash models); recorders that say "." mean the same.
        path = ".".equals(path) ? "" : path;
        target = ".".equals(target) ? "" : target;
        if (opened < -1) {
            throw new IllegalArgumentException("opened is a trace position or -1, got " + opened);
        }
    }

    /** An operation on names, or one whose handle was opened on the name it carries at this point. */
    public IoOp(int index, OpKind kind, String path, String target, long offset, long length,
                byte[] data, boolean atomic, String thread, String site) {
        this(index, kind, path, target, offset, length, data, atomic, thread, site, -1, false);
    }

    /** The same operation at another position, for traces that are cut or merged. */
    public IoOp withIndex(int newIndex) {
        return new IoOp(newIndex, kind, path, target, offset, length, data, atomic, thread, site, opened, durable);
    }

    /** The same operation under other names, for traces whose random names are made stable. */
    public IoOp withNames(String newPath, String newTarget) {
        return new IoOp(index, kind, newPath, newTarget, offset, length, data, atomic, thread, site, opened, durable);
    }

    /** One line of the numbered listing, e.g. {@code #3 WRITE  .tmp-1f2e @0 +12 bytes}. */
    public String describe() {
        StringBuilder line = new StringBuilder();
        line.append(String.format("#%-3d %-15s %s", index, kind, path));
        if (target != null) {
            line.append(" -> ").append(target);
        }
        if (kind == OpKind.MOVE) {
            line.append(atomic ? " (ATOMIC_MOVE)" : "");
        }
        if (kind == OpKind.WRITE) {
            line.append(" @").append(offset).append(" +").append(length).append(" bytes");
            if (durable) {
                line.append(" (sync)");
            }
        }
        if (kind == OpKind.TRUNCATE) {
            line.append(" to ").append(length).append(" bytes");
        }
        if (thread != null) {
            line.append("  [").append(thread).append(']');
        }
        if (site != null) {
            line.append("  at ").append(site);
        }
        return line.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IoOp other && index == other.index && kind == other.kind
                && path.equals(other.path) && Objects.equals(target, other.target)
                && offset == other.offset && length == other.length
                && Arrays.equals(data, other.data) && atomic == other.atomic
                && Objects.equals(thread, other.thread) && Objects.equals(site, other.site)
                && opened == other.opened && durable == other.durable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, kind, path, target, offset, length, Arrays.hashCode(data), atomic, opened);
    }

    @Override
    public String toString() {
        return describe();
    }
}
