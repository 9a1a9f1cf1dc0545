package dev.crashlab.faults.crash;

import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.OpKind;
import java.util.BitSet;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the bytes a crash state holds: the operations that persisted, applied in trace order
 * to the snapshot taken before the workload. Done in memory, before touching any file system,
 * and on {@link Extents} of the trace's arrays rather than on bytes, so that a duplicate state
 * costs an edit of extent lists and a hash of the blocks not seen before, never a copy.
 *
 * <p>Writes go to the inode the operation acted on in the real run, not to whatever the name
 * denotes in the crash state: data whose file's creation was lost stays invisible, and data
 * written before a rename shows under the new name when the rename persisted.
 */
final class Replay {

    private final TraceFacts facts;
    private final byte[][] initial;
    private final byte[][] written;
    /** Per write, the garbage its lost sectors read as; built on first use, since most writes never tear. */
    private final byte[][] garbage;
    private final int[] garbageSectorSize;

    Replay(TraceFacts facts) {
        this.facts = facts;
        written = facts.trace().ops().stream().map(IoOp::data).toArray(byte[][]::new);
        Map<String, byte[]> files = facts.trace().before().files();
        initial = facts.initialFiles().stream().map(files::get).toArray(byte[][]::new);
        garbage = new byte[written.length][];
        garbageSectorSize = new int[written.length];
    }

    /** The state left when the operations before the crash point met these fates. */
    Tree run(Fate[] fates) {
        Namespace ns = facts.initialNamespace();
        Contents contents = new Contents(initial, facts.trace().size());
        for (int i = 0; i < fates.length; i++) {
            if (fates[i].kind() != Fate.Kind.DROPPED) {
                apply(facts.op(i), written[i], fates[i].tear(), ns, contents);
            }
        }
        TreeMap<String, Extents> files = new TreeMap<>();
        ns.names.forEach((name, inode) -> {
            if (inode != TraceFacts.NO_INODE && ns.reachable(name)) {
                files.put(name, contents.file(inode));
            }
        });
        TreeSet<String> dirs = new TreeSet<>();
        ns.dirs.stream().filter(d -> ns.reachable(d)).forEach(dirs::add);
        return new Tree(dirs, files);
    }

    /**
     * The inodes a state of these fates shows under a reachable name. Data written to any other
     * (a temp file whose creation was lost, a file unlinked or renamed over) cannot change the
     * state's bytes, so its fate does not tell two states apart: only the namespace is replayed.
     */
    BitSet visible(Fate[] fates) {
        Namespace ns = facts.initialNamespace();
        for (int i = 0; i < fates.length; i++) {
            if (fates[i].kind() != Fate.Kind.DROPPED && facts.isEntry(i)) {
                entry(facts.op(i), facts.inode(i), ns);
            }
        }
        BitSet visible = new BitSet();
        ns.names.forEach((name, inode) -> {
            if (inode != TraceFacts.NO_INODE && ns.reachable(name)) {
                visible.set(inode);
            }
        });
        return visible;
    }

    private void apply(IoOp op, byte[] data, Tear tear, Namespace ns, Contents contents) {
        int inode = facts.inode(op.index());
        if (inode == TraceFacts.NO_INODE && facts.isData(op.index())) {
            // A file the trace never saw come into being: the recording is incomplete, which the
            // completeness check reports; the replay itself must not fail on it.
            return;
        }
        switch (op.kind()) {
            case CREATE -> {
                entry(op, inode, ns);
                contents.file(inode).setSize(0);
            }
            case WRITE -> {
                if (tear == null) {
                    contents.file(inode).put(op.offset(), data, 0, data.length);
                } else {
                    tear(op, tear, contents.file(inode));
                }
            }
            case TRUNCATE -> {
                if (tear == null) {
                    contents.file(inode).setSize(op.length());
                } else {
                    zeroTail(op, tear, contents.file(inode));
                }
            }
            default -> entry(op, inode, ns);
        }
    }

    /** What an operation does to the directory entries, the same in a full replay and in {@link #visible}. */
    private static void entry(IoOp op, int inode, Namespace ns) {
        if (inode == TraceFacts.NO_INODE && op.kind() == OpKind.LINK) {
            return; // see apply: a link to a file the trace never saw created
        }
        switch (op.kind()) {
            case CREATE -> ns.names.put(op.path(), inode);
            case MOVE -> ns.move(op.path(), op.target(), inode);
            case LINK -> ns.names.put(op.target(), inode);
            case DELETE -> ns.delete(op.path());
            case MKDIR -> ns.dirs.add(op.path());
            default -> { }
        }
    }

    /**
     * Writes what reached the disk of a torn write: the sectors it kept, and for the sectors it lost
     * their old bytes where the file was synced that far (a sector is written whole or not at all),
     * zeros or garbage beyond (blocks the write newly allocated, whose contents were never on the
     * disk). A lost sector's old bytes are what the file holds already: only kept sectors, garbage
     * and zeros are put.
     */
    private void tear(IoOp op, Tear tear, Extents file) {
        long start = op.offset();
        int size = tear.sectorSize();
        byte[] data = written[op.index()];
        int length = data.length;
        long firstSector = start / size;
        int synced = syncedPrefix(op);
        long before = file.size();
        // Past the file's length before this write it reads zeros.
        file.setSize(Math.max(before, start + length));
        int covered = 0;
        for (int s = 0; s < tear.sectors(); s++) {
            int from = (int) Math.max(0, (firstSector + s) * size - start);
            int to = (int) Math.min(length, (firstSector + s + 1) * size - start);
            covered = Math.max(covered, to);
            if (tear.keeps(s)) {
                file.put(start + from, data, from, to - from);
                continue;
            }
            int oldEnd = Math.min(to, Math.max(from, synced));
            if (to > oldEnd && tear.fill() == Tear.Fill.GARBAGE) {
                file.put(start + oldEnd, garbage(op, size), oldEnd, to - oldEnd);
            } else if (to > oldEnd && start + oldEnd < before) {
                file.put(start + oldEnd, null, 0, (int) (Math.min(start + to, before) - start - oldEnd));
            }
        }
        if (covered < length) {
            file.put(start + covered, data, covered, length - covered); // bytes no sector of the tear names
        }
    }

    /**
     * Whether a truncate's tail can be torn ({@link #zeroTail}): it shrinks the file to an end inside
     * a block, whose rest ext4 zeroes in the page cache and may write before the new size commits.
     */
    static boolean zeroesATail(TraceFacts facts, IoOp op, int block) {
        return op.kind() == OpKind.TRUNCATE && op.length() < facts.sizeBefore(op.index()) && op.length() % block != 0;
    }

    /**
     * A shrinking truncate torn by a power failure (ext4-like): its size was lost, but the zeros it
     * put in the rest of the block its new end falls in reached the disk; the old size stays.
     */
    private static void zeroTail(IoOp op, Tear tear, Extents file) {
        long block = tear.sectorSize();
        long end = Math.min(file.size(), (op.length() + block - 1) / block * block);
        if (end > op.length()) {
            file.put(op.length(), null, 0, (int) (end - op.length()));
        }
    }

    /** How many of the write's first bytes lie below the file's synced size: the only ones a tear can keep old. */
    private int syncedPrefix(IoOp op) {
        return (int) Math.max(0, Math.min(written[op.index()].length, facts.syncedSize(op.index()) - op.offset()));
    }

    /** Garbage is a pure function of the operation and sector, so a state replays identically. */
    private byte[] garbage(IoOp op, int sectorSize) {
        byte[] g = garbage[op.index()];
        if (g == null || garbageSectorSize[op.index()] != sectorSize) {
            g = new byte[written[op.index()].length];
            long firstSector = op.offset() / sectorSize;
            for (int s = 0; s < sectors(op.offset(), g.length, sectorSize); s++) {
                int from = (int) Math.max(0, (firstSector + s) * sectorSize - op.offset());
                int to = (int) Math.min(g.length, (firstSector + s + 1) * sectorSize - op.offset());
                SplittableRandom random = new SplittableRandom(op.index() * 1_000_003L + s);
                for (int b = from; b < to; b++) {
                    g[b] = (byte) random.nextInt(256);
                }
            }
            garbage[op.index()] = g;
            garbageSectorSize[op.index()] = sectorSize;
        }
        return g;
    }

    /** Sectors a write of {@code length} bytes at {@code offset} touches. */
    static int sectors(long offset, long length, int sectorSize) {
        return length <= 0 ? 0 : (int) ((offset + length - 1) / sectorSize - offset / sectorSize + 1);
    }

    /** Per-inode file contents, as extents; files from before the trace start as their one array. */
    private static final class Contents {
        private final Extents[] files;

        Contents(byte[][] initial, int extra) {
            files = new Extents[initial.length + extra];
            for (int i = 0; i < initial.length; i++) {
                files[i] = Extents.of(initial[i]);
            }
        }

        Extents file(int inode) {
            Extents f = files[inode];
            if (f == null) {
                f = new Extents();
                files[inode] = f;
            }
            return f;
        }
    }
}
