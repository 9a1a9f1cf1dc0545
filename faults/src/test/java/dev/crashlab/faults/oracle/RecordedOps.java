package dev.crashlab.faults.oracle;

import dev.crashlab.faults.crash.TraceFacts;
import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded trace in the strace oracle's terms (see {@link FileOps}): each operation on a file's
 * data names the file by the name it has at that moment, found through the inode crashlab itself
 * says the operation acted on ({@link TraceFacts#inode}). So a write recorded under a name the
 * file no longer has, or bound to no inode at all, shows as a difference instead of passing.
 */
final class RecordedOps {

    private final TraceFacts facts;
    private final FileOps.Names names = new FileOps.Names();
    private final Map<Integer, FileOps.Inode> inodes = new HashMap<>();
    private final List<String> out = new ArrayList<>();

    private RecordedOps(IoTrace trace) {
        this.facts = new TraceFacts(trace);
        // TraceFacts numbers the files present before the run in the snapshot's (sorted) order.
        int number = 0;
        for (Map.Entry<String, byte[]> file : trace.before().files().entrySet()) {
            FileOps.Inode inode = new FileOps.Inode(file.getKey(), file.getValue().length);
            inodes.put(number++, inode);
            names.bind(file.getKey(), inode);
        }
        trace.before().directories().forEach(names.dirs::add);
    }

    static List<String> of(IoTrace trace) {
        RecordedOps ops = new RecordedOps(trace);
        trace.ops().forEach(ops::add);
        return ops.out;
    }

    private void add(IoOp op) {
        int number = facts.inode(op.index());
        FileOps.Inode inode = number < 0 ? null : inodes.get(number);
        switch (op.kind()) {
            case CREATE -> {
                FileOps.Inode created = new FileOps.Inode(op.path(), 0);
                inodes.put(number, created);
                names.bind(op.path(), created);
                out.add(FileOps.create(op.path()));
            }
            case WRITE -> {
                out.add(FileOps.write(name(inode, op), op.offset(), op.length(), op.durable()));
                if (inode != null) {
                    inode.size = Math.max(inode.size, op.offset() + op.length());
                }
            }
            case TRUNCATE -> {
                if (inode == null || inode.size != op.length()) {
                    out.add(FileOps.truncate(name(inode, op), op.length()));
                }
                if (inode != null) {
                    inode.size = op.length();
                }
            }
            case FSYNC_FILE -> out.add(FileOps.fsync(name(inode, op)));
            case FSYNC_DATA -> out.add(FileOps.fdatasync(name(inode, op)));
            case FSYNC_DIRECTORY -> out.add(FileOps.fsyncDirectory(directoryNow(op)));
            case MOVE -> {
                names.rename(op.path(), op.target());
                out.add(FileOps.rename(op.path(), op.target()));
            }
            case LINK -> {
                names.link(op.path(), op.target());
                out.add(FileOps.link(op.path(), op.target()));
            }
            case DELETE -> {
                names.unlink(op.path());
                out.add(FileOps.delete(op.path()));
            }
            case MKDIR -> {
                names.dirs.add(op.path());
                out.add(FileOps.mkdir(op.path()));
            }
            default -> { }
        }
    }

    /**
     * The name a directory handle's directory has now: IoOp names it as it was when the handle was
     * opened, and the renames since then moved the directory (or a parent), not the descriptor.
     */
    private String directoryNow(IoOp op) {
        if (op.opened() < 0) {
            return op.path();
        }
        return facts.trace().ops().subList(op.opened(), op.index()).stream()
                .filter(move -> move.kind() == OpKind.MOVE)
                .reduce(op.path(), (name, move) -> FileOps.renamed(name, move.path(), move.target()), (first, then) -> then);
    }

    /** The file's name now; "?name" when crashlab bound the operation to no file it knows. */
    private String name(FileOps.Inode inode, IoOp op) {
        return inode == null ? "?" + FileOps.display(op.path()) : names.nameOf(inode, op.path());
    }
}
