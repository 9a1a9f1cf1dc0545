package dev.crashlab.faults.crash;

import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import dev.crashlab.faults.trace.Snapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What persistence models need to know about a trace, computed once: which file (inode) each
 * operation acted on, and which later fsync, if any, made it durable under the POSIX rules (an
 * fsync of a file covers that file's data written before it, whatever name it was written under
 * and through whichever descriptor, as long as the file still has a name; an fsync of a directory covers the entries created, renamed or
 * deleted in it before it; a write through a SYNC or DSYNC handle is durable when it returns).
 *
 * <p>An operation through a handle acts on the file its name denoted when the handle was opened
 * ({@link IoOp#opened()}), as a descriptor does: a write after the file was renamed, or unlinked,
 * still lands in that file.
 */
public final class TraceFacts {

    static final int NO_INODE = -1;
    private static final int NEVER = Integer.MAX_VALUE;

    private final IoTrace trace;
    private final List<String> initialFiles;
    private final int[] inode;
    private final int[] syncedBy;
    private final int[] nextSync;
    private final long[] syncedSize;
    private final long[] sizeBefore;
    private final boolean[] replacesAFile;
    /** For an fsync: its file had no name left when it ran. */
    private final boolean[] unnamed;
    private final int[] lastChangeSynced;
    /** Whether any rename in the trace moves a directory: only then can a directory's name change under its handle. */
    private boolean directoryRenamed;

    public TraceFacts(IoTrace trace) {
        this.trace = trace;
        this.initialFiles = List.copyOf(trace.before().files().keySet());
        int n = trace.size();
        inode = new int[n];
        syncedBy = new int[n];
        nextSync = new int[n];
        syncedSize = new long[n];
        sizeBefore = new long[n];
        replacesAFile = new boolean[n];
        unnamed = new boolean[n];
        Map<Integer, List<Integer>> byOpening = new HashMap<>();
        for (IoOp op : trace.ops()) {
            if (op.opened() >= 0) {
                byOpening.computeIfAbsent(Math.min(op.opened(), op.index()), k -> new ArrayList<>()).add(op.index());
            }
        }
        Namespace ns = initialNamespace();
        int nextInode = initialFiles.size();
        Sizes sizes = new Sizes(trace.before(), initialFiles, n);
        for (IoOp op : trace.ops()) {
            int i = op.index();
            for (int through : byOpening.getOrDefault(i, List.of())) {
                inode[through] = ns.inodeOf(op(through).path());
            }
            if (op.opened() < 0) {
                inode[i] = op.kind() == OpKind.CREATE ? nextInode++ : ns.inodeOf(op.path());
            }
            if (op.kind() == OpKind.FSYNC_FILE || op.kind() == OpKind.FSYNC_DATA) {
                unnamed[i] = inode[i] != NO_INODE && !ns.names.containsValue(inode[i]);
            }
            sizeBefore[i] = sizes.size(inode[i]);
            syncedSize[i] = sizes.apply(op, inode[i]);
            directoryRenamed |= op.kind() == OpKind.MOVE && ns.dirs.contains(op.path());
            switch (op.kind()) {
                case CREATE -> ns.names.put(op.path(), inode[i]);
                case MOVE -> {
                    replacesAFile[i] = inode[i] != NO_INODE && !op.target().equals(op.path())
                            && ns.inodeOf(op.target()) != NO_INODE;
                    ns.move(op.path(), op.target(), inode[i]);
                }
                case LINK -> ns.names.put(op.target(), inode[i]);
                case DELETE -> ns.delete(op.path());
                case MKDIR -> ns.dirs.add(op.path());
                default -> { }
            }
        }
        for (int i = 0; i < n; i++) {
            syncedBy[i] = op(i).durable() ? i : firstSyncCovering(i);
            nextSync[i] = op(i).durable() ? i : firstSyncAfter(i);
        }
        lastChangeSynced = lastChangesSynced();
    }

    /**
     * For a write, how much of its file was on stable storage when it began: the size at the file's
     * last fsync before it (a file of the snapshot taken before the workload counts as synced).
     * A disk keeps each sector of an unsynced overwrite below this size old or new; only beyond it,
     * in blocks the write newly allocated, can a power failure leave zeros or garbage.
     */
    public long syncedSize(int index) {
        return syncedSize[index];
    }

    /** The size of the file an operation acts on, as the run had it just before the operation. */
    public long sizeBefore(int index) {
        return sizeBefore[index];
    }

    /** True for a rename of a file onto the name of another file, which it replaces. */
    public boolean replacesAFile(int index) {
        return replacesAFile[index];
    }

    /** True for a write past the file's end, or a truncate that changes its size: a change of its size, not only of its bytes. */
    public boolean changesSize(int index) {
        IoOp op = op(index);
        return op.kind() == OpKind.WRITE && op.offset() + op.length() > sizeBefore[index]
                || op.kind() == OpKind.TRUNCATE && op.length() != sizeBefore[index];
    }

    /**
     * For a sync (or a write through a SYNC or DSYNC handle), the last operation up to it that
     * changed the inode it syncs in a way the sync must make durable; -1 if none. For an fsync of a
     * file: a change of its names or of its size; for an fdatasync or a durable write: a change of
     * its size; for an fsync of a directory: an entry created, renamed or deleted in it. A write that
     * only replaces bytes is not counted: its only metadata is a timestamp, which need not change.
     * A journaling file system that commits only the transaction of the synced inode's last change
     * (ext4's {@code i_sync_tid}, xfs's inode log sequence) commits everything up to that operation.
     */
    public int lastChangeSynced(int index) {
        return lastChangeSynced[index];
    }

    private int[] lastChangesSynced() {
        int[] last = new int[trace.size()];
        Map<Integer, Integer> lastEntry = new HashMap<>();
        Map<Integer, Integer> lastSize = new HashMap<>();
        for (int i = 0; i < trace.size(); i++) {
            int file = inode[i];
            if (file != NO_INODE && isEntry(i)) {
                lastEntry.put(file, i);
            }
            if (file != NO_INODE && isData(i) && changesSize(i)) {
                lastSize.put(file, i);
            }
            int sized = lastSize.getOrDefault(file, -1);
            last[i] = switch (op(i).kind()) {
                case FSYNC_FILE -> Math.max(sized, lastEntry.getOrDefault(file, -1));
                case FSYNC_DATA -> sized;
                case FSYNC_DIRECTORY -> lastEntryIn(i);
                case WRITE -> op(i).durable() && sized == i ? i : -1;
                default -> -1;
            };
        }
        return last;
    }

    private int lastEntryIn(int dirSync) {
        for (int j = dirSync - 1; j >= 0; j--) {
            if (isEntry(j)) {
                String[] parents = op(j).target() == null ? new String[] {Namespace.parent(op(j).path())}
                        : new String[] {Namespace.parent(op(j).path()), Namespace.parent(op(j).target())};
                for (String dir : parents) {
                    if (sameDirectory(dir, j + 1, op(dirSync))) {
                        return j;
                    }
                }
            }
        }
        return -1;
    }

    public IoTrace trace() {
        return trace;
    }

    public IoOp op(int index) {
        return trace.get(index);
    }

    /** The file an operation acted on, as a number stable across renames; -1 for none. */
    public int inode(int index) {
        return inode[index];
    }

    /** True for operations that change a file's bytes (WRITE, TRUNCATE). */
    public boolean isData(int index) {
        OpKind k = op(index).kind();
        return k == OpKind.WRITE || k == OpKind.TRUNCATE;
    }

    /** True for operations that change directory entries (CREATE, MOVE, LINK, DELETE, MKDIR). */
    public boolean isEntry(int index) {
        return op(index).kind().isMetadata() && !op(index).kind().isSync();
    }

    /** True when an fsync that completed before the crash point made the operation durable. */
    public boolean syncedBefore(int index, int crashPoint) {
        return syncedBy[index] < crashPoint;
    }

    /** True when any sync (of any file or directory) completed between the operation and the crash point. */
    public boolean anySyncBefore(int index, int crashPoint) {
        return nextSync[index] < crashPoint;
    }

    List<String> initialFiles() {
        return initialFiles;
    }

    Namespace initialNamespace() {
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < initialFiles.size(); i++) {
            names.put(initialFiles.get(i), i);
        }
        Snapshot before = trace.before();
        return new Namespace(names, before.directories());
    }

    /** File sizes as the real run changed them, and as its fsyncs made them durable. */
    private static final class Sizes {
        private final long[] size;
        private final long[] synced;

        Sizes(Snapshot before, List<String> initialFiles, int ops) {
            size = new long[initialFiles.size() + ops];
            synced = new long[size.length];
            for (int f = 0; f < initialFiles.size(); f++) {
                size[f] = before.files().get(initialFiles.get(f)).length;
                synced[f] = size[f];
            }
        }

        long size(int file) {
            return file == NO_INODE ? 0 : size[file];
        }

        /** Applies one operation; returns the file's synced size as the operation began. */
        long apply(IoOp op, int file) {
            if (file == NO_INODE) {
                return 0;
            }
            long before = synced[file];
            switch (op.kind()) {
                case CREATE -> size[file] = 0;
                case WRITE -> size[file] = Math.max(size[file], op.offset() + op.length());
                case TRUNCATE -> size[file] = op.length();
                case FSYNC_FILE, FSYNC_DATA -> synced[file] = size[file];
                default -> { }
            }
            if (op.durable()) {
                synced[file] = size[file];
            }
            return before;
        }
    }

    private int firstSyncCovering(int i) {
        if (isData(i)) {
            // An fsync of a file with no name left promises nothing: btrfs does not log it, and if the
            // unlink is lost in the crash the file comes back without the write (kernel oracle, 6.18).
            return firstAfter(i, s -> (s.kind() == OpKind.FSYNC_FILE || s.kind() == OpKind.FSYNC_DATA)
                    && inode[s.index()] == inode[i] && inode[i] != NO_INODE && !unnamed[s.index()]);
        }
        if (!isEntry(i)) {
            return NEVER;
        }
        // A rename between directories is durable only once both directories are synced.
        String[] parents = op(i).target() == null ? new String[] {Namespace.parent(op(i).path())}
                : new String[] {Namespace.parent(op(i).path()), Namespace.parent(op(i).target())};
        if (op(i).kind() == OpKind.LINK) {
            parents = new String[] {Namespace.parent(op(i).target())};
        }
        return Arrays.stream(parents)
                .mapToInt(dir -> firstAfter(i, s -> s.kind() == OpKind.FSYNC_DIRECTORY
                        && sameDirectory(dir, i + 1, s)))
                .max().orElse(NEVER);
    }

    /**
     * Whether the directory named {@code dir} after operation {@code since - 1} is the one a directory
     * fsync acts on: its handle names it as it was when opened, and renames move directories, not
     * descriptors.
     */
    private boolean sameDirectory(String dir, int since, IoOp fsync) {
        if (!directoryRenamed) {
            return fsync.path().equals(dir);
        }
        int opened = fsync.opened() >= 0 ? fsync.opened() : fsync.index();
        return follow(dir, since, fsync.index()).equals(follow(fsync.path(), opened, fsync.index()));
    }

    /** What a directory named {@code dir} at position {@code from} is named at position {@code to}. */
    private String follow(String dir, int from, int to) {
        String name = dir;
        for (int k = from; k < to; k++) {
            IoOp move = op(k);
            if (move.kind() != OpKind.MOVE) {
                continue;
            }
            if (name.equals(move.path())) {
                name = move.target();
            } else if (name.startsWith(move.path() + "/")) {
                name = move.target() + name.substring(move.path().length());
            }
        }
        return name;
    }

    private int firstSyncAfter(int i) {
        return firstAfter(i, s -> s.kind().isSync());
    }

    private int firstAfter(int i, java.util.function.Predicate<IoOp> sync) {
        for (int s = i + 1; s < trace.size(); s++) {
            if (sync.test(op(s))) {
                return s;
            }
        }
        return NEVER;
    }
}
