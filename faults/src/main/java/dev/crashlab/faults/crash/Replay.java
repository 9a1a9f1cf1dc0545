package dev.crashlab.faults.crash;

import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.OpKind;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the bytes a crash state holds: the operations that persisted, applied in trace order
 * to the snapshot taken before the workload. Done in memory, before touching any file system,
 * so that duplicate states cost a replay and a hash, never a materialization.
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
    /** The arrays states may hold as they are: the trace's written bytes and the files before it. */
    private final Map<byte[], Boolean> shared = new java.util.IdentityHashMap<>();
    /** Per inode, the largest size any write or truncate of the trace gives it. */
    private final int[] largest;

    Replay(TraceFacts facts) {
        this.facts = facts;
        // IoOp.data() copies on every call; the inner loop reads each write's bytes many times.
        written = facts.trace().ops().stream().map(IoOp::data).toArray(byte[][]::new);
        Map<String, byte[]> files = facts.trace().before().files();
        initial = facts.initialFiles().stream().map(files::get).toArray(byte[][]::new);
        for (byte[] b : written) {
            if (b != null) {
                shared.put(b, Boolean.TRUE);
            }
        }
        for (byte[] b : initial) {
            shared.put(b, Boolean.TRUE);
        }
        garbage = new byte[written.length][];
        garbageSectorSize = new int[written.length];
        largest = new int[initial.length + written.length];
        for (IoOp op : facts.trace().ops()) {
            if ((op.kind() == OpKind.WRITE || op.kind() == OpKind.TRUNCATE) && facts.inode(op.index()) >= 0) {
                long end = op.kind() == OpKind.WRITE ? op.offset() + op.length() : op.length();
                int inode = facts.inode(op.index());
                largest[inode] = (int) Math.max(largest[inode], Math.min(end, Integer.MAX_VALUE));
            }
        }
    }

    /** Whether {@code bytes} is one of the arrays every state shares, never modified. */
    boolean shares(byte[] bytes) {
        return shared.containsKey(bytes);
    }

    /** The state left when the operations before the crash point met these fates. */
    Tree run(Fate[] fates) {
        Namespace ns = facts.initialNamespace();
        Contents contents = new Contents(initial, facts.trace().size(), largest);
        for (int i = 0; i < fates.length; i++) {
            if (fates[i].kind() != Fate.Kind.DROPPED) {
                apply(facts.op(i), written[i], fates[i].tear(), ns, contents);
            }
        }
        TreeMap<String, byte[]> files = new TreeMap<>();
        Map<String, Blocks> blocks = new HashMap<>();
        ns.names.forEach((name, inode) -> {
            if (inode != TraceFacts.NO_INODE && ns.reachable(name)) {
                files.put(name, contents.bytes(inode));
                blocks.put(name, contents.blocks(inode));
            }
        });
        TreeSet<String> dirs = new TreeSet<>();
        ns.dirs.stream().filter(d -> ns.reachable(d)).forEach(dirs::add);
        return new Tree(dirs, files, blocks);
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
                contents.truncate(inode, 0);
            }
            case WRITE -> {
                if (tear == null) {
                    contents.write(inode, op.offset(), data);
                } else {
                    // A tear puts back old bytes only below the synced size: a 1 MiB write to a new file needs none.
                    tear(op, tear, inode, contents, contents.range(inode, op.offset(), syncedPrefix(op)));
                }
            }
            case TRUNCATE -> contents.truncate(inode, op.length());
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
     * disk). Sector by sector into the file's own array, never the whole write and then the lost
     * sectors over it: a torn 1 MiB write mostly loses, and copying then zeroing a mebibyte per
     * candidate was most of the replay's time.
     */
    private void tear(IoOp op, Tear tear, int inode, Contents contents, byte[] old) {
        long start = op.offset();
        int size = tear.sectorSize();
        byte[] data = written[op.index()];
        int length = data.length;
        long firstSector = start / size;
        int synced = syncedPrefix(op);
        // Past the file's length before this write its array holds zeros already.
        long before = contents.prepareWrite(inode, start, length);
        int covered = 0;
        for (int s = 0; s < tear.sectors(); s++) {
            int from = (int) Math.max(0, (firstSector + s) * size - start);
            int to = (int) Math.min(length, (firstSector + s + 1) * size - start);
            covered = Math.max(covered, to);
            if (tear.keeps(s)) {
                contents.overwrite(inode, start + from, data, from, to - from, true);
                continue;
            }
            int oldEnd = Math.min(to, Math.max(from, synced));
            if (oldEnd > from) {
                contents.overwrite(inode, start + from, old, from, oldEnd - from, false);
            }
            if (to > oldEnd && tear.fill() == Tear.Fill.GARBAGE) {
                contents.overwrite(inode, start + oldEnd, garbage(op, size), oldEnd, to - oldEnd, true);
            } else if (to > oldEnd && start + oldEnd < before) {
                contents.overwrite(inode, start + oldEnd, null, 0, (int) (Math.min(start + to, before) - start - oldEnd), true);
            }
        }
        if (covered < length) {
            contents.overwrite(inode, start + covered, data, covered, length - covered, true); // bytes no sector of the tear names
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

    /**
     * Per-inode file contents; initial contents are shared until first modified. Each change is
     * also told to the inode's {@link Blocks}, so the digest knows which blocks are unchanged copies.
     */
    private static final class Contents {
        private static final byte[] EMPTY = new byte[0];
        private final byte[][] bytes;
        private final int[] length;
        private final boolean[] owned;
        private final int[] largest;
        private final Blocks[] blocks;

        Contents(byte[][] initial, int extra, int[] largest) {
            this.largest = largest;
            int n = initial.length + extra;
            bytes = new byte[n][];
            length = new int[n];
            owned = new boolean[n];
            blocks = new Blocks[n];
            for (int i = 0; i < initial.length; i++) {
                bytes[i] = initial[i];
                length[i] = initial[i].length;
            }
        }

        /** What is known of the inode's blocks; created on first use, all unknown unless it is a file from before. */
        Blocks blocks(int inode) {
            Blocks b = blocks[inode];
            if (b == null) {
                b = !owned[inode] && bytes[inode] != null ? Blocks.of(bytes[inode]) : new Blocks();
                blocks[inode] = b;
            }
            return b;
        }

        void write(int inode, long offset, byte[] data) {
            if (offset == 0 && data.length >= length[inode]) {
                // Covers every byte the file had: share the written array until something modifies it.
                bytes[inode] = data;
                length[inode] = data.length;
                owned[inode] = false;
                blocks[inode] = Blocks.of(data);
                return;
            }
            int end = Math.max(Math.toIntExact(offset + data.length), length[inode]);
            ensure(inode, end);
            setLength(inode, end);
            System.arraycopy(data, 0, bytes[inode], (int) offset, data.length);
            blocks(inode).copied(offset, data.length, data, 0);
        }

        /**
         * Makes room for a write of {@code length} bytes at {@code offset} that the caller fills
         * sector by sector: the array the inode's own, the file that long. Returns the file's
         * length before, past which the array holds zeros.
         */
        long prepareWrite(int inode, long offset, int length) {
            int before = this.length[inode];
            int end = Math.max(before, Math.toIntExact(offset + length));
            ensure(inode, end);
            setLength(inode, end);
            return before;
        }

        /**
         * Replaces {@code length} written bytes at {@code offset} with {@code from}'s (zeros when
         * null); {@code lasting} when no one modifies {@code from} afterwards.
         */
        void overwrite(int inode, long offset, byte[] from, int fromOffset, int length, boolean lasting) {
            ensure(inode, this.length[inode]);
            if (from == null) {
                Arrays.fill(bytes[inode], (int) offset, (int) offset + length, (byte) 0);
                blocks(inode).zeroed(offset, length);
            } else {
                System.arraycopy(from, fromOffset, bytes[inode], (int) offset, length);
                blocks(inode).copied(offset, length, lasting ? from : null, fromOffset);
            }
        }

        void truncate(int inode, long newLength) {
            int n = Math.toIntExact(newLength);
            if (n == 0) {
                bytes[inode] = EMPTY; // a create: nothing to allocate until something is written
                length[inode] = 0;
                owned[inode] = false;
                blocks[inode] = new Blocks();
                return;
            }
            if (n < length[inode] && owned[inode]) {
                Arrays.fill(bytes[inode], n, length[inode], (byte) 0);
            }
            setLength(inode, n);
        }

        /** Sets the file's length; bytes it gains read as zeros. Only ever modifies an array of its own. */
        private void setLength(int inode, int n) {
            if (n > length[inode]) {
                ensure(inode, n);
            }
            blocks(inode).resized(length[inode], n);
            length[inode] = n;
        }

        /** Makes the inode's array its own and at least {@code capacity} long; zeros past its length. */
        private void ensure(int inode, int capacity) {
            byte[] old = bytes[inode] == null ? EMPTY : bytes[inode];
            if (!owned[inode] || old.length < capacity) {
                blocks(inode); // still knows the shared array it was: its blocks stay copies of it
                // A first copy is exact (most states end there, and a longer array costs a trimming copy);
                // growing an array of its own goes straight to the largest size the trace gives the file.
                int size = owned[inode] ? Math.max(capacity, Math.max(largest[inode], old.length * 2)) : capacity;
                byte[] grown = new byte[size];
                System.arraycopy(old, 0, grown, 0, Math.min(length[inode], old.length));
                bytes[inode] = grown;
                owned[inode] = true;
            }
        }

        /** A copy of {@code length} bytes at {@code offset}, zeros past the end of the file. */
        byte[] range(int inode, long offset, int length) {
            byte[] out = new byte[length];
            byte[] b = bytes[inode];
            int available = b == null ? 0 : (int) Math.max(0, Math.min(length, this.length[inode] - offset));
            if (available > 0) {
                System.arraycopy(b, (int) offset, out, 0, available);
            }
            return out;
        }

        byte[] bytes(int inode) {
            byte[] b = bytes[inode];
            // Shared arrays are never modified (ensure copies first), so they may be handed out as they are.
            return b == null ? EMPTY : b.length == length[inode] ? b : Arrays.copyOf(b, length[inode]);
        }
    }
}
