package dev.crashlab.faults.crash;

import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.OpKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
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
    /** Prefixes every {@code checkpointEvery} operations, the first being the directory before the workload. */
    private final List<Prefix> checkpoints = new ArrayList<>();
    private final int checkpointEvery;

    Replay(TraceFacts facts) {
        this(facts, spacing(facts.trace().size()));
    }

    /** With a checkpoint every {@code checkpointEvery} operations (tests use a few, to cross many). */
    Replay(TraceFacts facts, int checkpointEvery) {
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpoints are at least one operation apart");
        }
        this.checkpointEvery = checkpointEvery;
        this.facts = facts;
        written = facts.trace().ops().stream().map(IoOp::data).toArray(byte[][]::new);
        Map<String, byte[]> files = facts.trace().before().files();
        initial = facts.initialFiles().stream().map(files::get).toArray(byte[][]::new);
        garbage = new byte[written.length][];
        garbageSectorSize = new int[written.length];
    }

    /** The state left when the operations before the crash point met these fates. */
    Tree run(Fate[] fates) {
        return run(start(), fates);
    }

    /**
     * The state left when the operations from {@code base}'s end met these fates, {@code tail[i]}
     * being the fate of operation {@code base.at() + i}: a candidate whose operations before some
     * point all persisted costs the operations after it, not the whole trace.
     */
    Tree run(Prefix base, Fate[] tail) {
        Namespace ns = base.namespace();
        Contents contents = new Contents(base.files);
        for (int i = 0; i < tail.length; i++) {
            if (tail[i].kind() != Fate.Kind.DROPPED) {
                int index = base.at + i;
                apply(facts.op(index), written[index], tail[i].tear(), ns, contents);
            }
        }
        TreeMap<String, Extents> files = new TreeMap<>();
        ns.names.forEach((name, inode) -> {
            if (inode != TraceFacts.NO_INODE && ns.reachable(name)) {
                files.put(name, contents.peek(inode));
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
        return visible(start(), fates);
    }

    /** As {@link #visible(Fate[])}, for the operations from {@code base}'s end (see {@link #run(Prefix, Fate[])}). */
    BitSet visible(Prefix base, Fate[] tail) {
        Namespace ns = base.namespace();
        for (int i = 0; i < tail.length; i++) {
            int index = base.at + i;
            if (tail[i].kind() != Fate.Kind.DROPPED && facts.isEntry(index)) {
                entry(facts.op(index), facts.inode(index), ns);
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

    /** Nothing of the trace applied: the directory before the workload. */
    Prefix start() {
        if (checkpoints.isEmpty()) {
            Map<Integer, Extents> files = new HashMap<>();
            for (int i = 0; i < initial.length; i++) {
                files.put(i, Extents.of(initial[i]));
            }
            checkpoints.add(new Prefix(0, facts.initialNamespace(), files));
        }
        return checkpoints.get(0);
    }

    /**
     * The directory once the first {@code at} operations all persisted: from the checkpoint at or
     * below it (one every {@link #CHECKPOINT} operations by default, built forward once per trace) plus the few
     * operations after the checkpoint. Explored from the last crash point to the first, the prefixes
     * asked for shrink, so each is built from a checkpoint rather than from the one asked before.
     */
    Prefix prefix(int at) {
        start();
        int c = at / checkpointEvery;
        while (checkpoints.size() <= c) {
            Prefix last = checkpoints.get(checkpoints.size() - 1);
            checkpoints.add(flattened(extend(last, last.at + checkpointEvery)));
        }
        Prefix checkpoint = checkpoints.get(c);
        return checkpoint.at == at ? checkpoint : extend(checkpoint, at);
    }

    private Prefix extend(Prefix from, int to) {
        Namespace ns = from.namespace();
        Contents contents = new Contents(from.files);
        for (int i = from.at; i < to; i++) {
            apply(facts.op(i), written[i], null, ns, contents);
        }
        return new Prefix(to, ns, contents.merged());
    }

    /**
     * The checkpoint with each file of many extents made one array of its bytes: a log's file is an
     * extent per record, and every state built from the checkpoint would otherwise walk (to digest
     * it, to compare it with the state before) a list as long as the log. The bytes are the same,
     * so every digest and every state is.
     */
    private static Prefix flattened(Prefix p) {
        Map<Integer, Extents> files = new HashMap<>(p.files);
        files.replaceAll((inode, f) -> f.extents() > FLATTEN_ABOVE ? Extents.of(f.bytes()) : f);
        return new Prefix(p.at, p.ns, files);
    }

    /** Files of more extents than this are flattened at a checkpoint; fewer are cheaper to walk than to copy. */
    static final int FLATTEN_ABOVE = 64;

    /** Operations between two checkpoints: a prefix costs at most this many operations beyond a copy of the checkpoint. */
    static final int CHECKPOINT = 256;
    /** At most this many checkpoints per trace: each holds a copy of the files it changed, so memory is this many states at most. */
    static final int MOST_CHECKPOINTS = 256;

    /** {@link #CHECKPOINT} operations between checkpoints, more in a trace so long that there would be more than {@link #MOST_CHECKPOINTS}. */
    static int spacing(int operations) {
        return Math.max(CHECKPOINT, operations / MOST_CHECKPOINTS + 1);
    }

    /**
     * The directory after operations {@code [0, at)} all persisted. Never changed once built: a
     * replay from it copies its names, and a file before it changes it, so the states and other
     * prefixes built from it can share the files they leave alone.
     */
    static final class Prefix {
        private final int at;
        private final Namespace ns;
        private final Map<Integer, Extents> files;

        private Prefix(int at, Namespace ns, Map<Integer, Extents> files) {
            this.at = at;
            this.ns = ns;
            this.files = files;
        }

        int at() {
            return at;
        }

        private Namespace namespace() {
            return new Namespace(ns.names, ns.dirs);
        }
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
            int length = written[op.index()].length;
            g = GarbageCache.get(op.index(), (int) (op.offset() % sectorSize), length, sectorSize,
                    () -> garbage(op.index(), op.offset(), length, sectorSize));
            garbage[op.index()] = g;
            garbageSectorSize[op.index()] = sectorSize;
        }
        return g;
    }

    private static byte[] garbage(int index, long offset, int length, int sectorSize) {
        byte[] g = new byte[length];
        long firstSector = offset / sectorSize;
        for (int s = 0; s < sectors(offset, length, sectorSize); s++) {
            int from = (int) Math.max(0, (firstSector + s) * sectorSize - offset);
            int to = (int) Math.min(length, (firstSector + s + 1) * sectorSize - offset);
            SplittableRandom random = new SplittableRandom(index * 1_000_003L + s);
            for (int b = from; b < to; b++) {
                g[b] = (byte) random.nextInt(256);
            }
        }
        return g;
    }

    /** Sectors a write of {@code length} bytes at {@code offset} touches. */
    static int sectors(long offset, long length, int sectorSize) {
        return length <= 0 ? 0 : (int) ((offset + length - 1) / sectorSize - offset / sectorSize + 1);
    }

    /**
     * Per-inode file contents, as extents, over a prefix's: a file is copied from the prefix the
     * first time an operation changes it, so the prefix stays as it was.
     */
    private static final class Contents {
        private final Map<Integer, Extents> base;
        private final Map<Integer, Extents> own = new HashMap<>();

        Contents(Map<Integer, Extents> base) {
            this.base = base;
        }

        /** The inode's contents, to change. */
        Extents file(int inode) {
            Extents f = own.get(inode);
            if (f == null) {
                Extents shared = base.get(inode);
                f = shared == null ? new Extents() : shared.copy();
                own.put(inode, f);
            }
            return f;
        }

        /** The inode's contents, to read only. */
        Extents peek(int inode) {
            Extents f = own.get(inode);
            if (f == null) {
                f = base.get(inode);
            }
            return f != null ? f : file(inode);
        }

        Map<Integer, Extents> merged() {
            Map<Integer, Extents> all = new HashMap<>(base);
            all.putAll(own);
            return all;
        }
    }
}
