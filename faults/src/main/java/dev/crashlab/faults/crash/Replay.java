package dev.crashlab.faults.crash;

import dev.crashlab.faults.trace.IoOp;
import java.util.Arrays;
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

    Replay(TraceFacts facts) {
        this.facts = facts;
        // IoOp.data() copies on every call; the inner loop reads each write's bytes many times.
        written = facts.trace().ops().stream().map(IoOp::data).toArray(byte[][]::new);
        Map<String, byte[]> files = facts.trace().before().files();
        initial = facts.initialFiles().stream().map(files::get).toArray(byte[][]::new);
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
        TreeMap<String, byte[]> files = new TreeMap<>();
        ns.names.forEach((name, inode) -> {
            if (ns.reachable(name)) {
                files.put(name, contents.bytes(inode));
            }
        });
        TreeSet<String> dirs = new TreeSet<>();
        ns.dirs.stream().filter(d -> ns.reachable(d)).forEach(dirs::add);
        return new Tree(dirs, files);
    }

    private void apply(IoOp op, byte[] data, Tear tear, Namespace ns, Contents contents) {
        int inode = facts.inode(op.index());
        switch (op.kind()) {
            case CREATE -> {
                ns.names.put(op.path(), inode);
                contents.truncate(inode, 0);
            }
            case WRITE -> contents.write(inode, op.offset(), tear == null ? data : torn(op, data.clone(), tear));
            case TRUNCATE -> contents.truncate(inode, op.length());
            case MOVE -> ns.move(op.path(), op.target(), inode);
            case LINK -> ns.names.put(op.target(), inode);
            case DELETE -> ns.delete(op.path());
            case MKDIR -> ns.dirs.add(op.path());
            default -> { }
        }
    }

    /** The bytes a torn write left: kept sectors as written, the others zero or garbage. */
    static byte[] torn(IoOp op, byte[] data, Tear tear) {
        long start = op.offset();
        int size = tear.sectorSize();
        long firstSector = start / size;
        for (int s = 0; s < tear.sectors(); s++) {
            if (tear.keeps(s)) {
                continue;
            }
            int from = (int) Math.max(0, (firstSector + s) * size - start);
            int to = (int) Math.min(data.length, (firstSector + s + 1) * size - start);
            if (tear.fill() == Tear.Fill.ZERO) {
                Arrays.fill(data, from, to, (byte) 0);
            } else {
                // Garbage is a pure function of the operation and sector, so a state replays identically.
                SplittableRandom garbage = new SplittableRandom(op.index() * 1_000_003L + s);
                for (int b = from; b < to; b++) {
                    data[b] = (byte) garbage.nextInt(256);
                }
            }
        }
        return data;
    }

    /** Sectors a write of {@code length} bytes at {@code offset} touches. */
    static int sectors(long offset, long length, int sectorSize) {
        return length <= 0 ? 0 : (int) ((offset + length - 1) / sectorSize - offset / sectorSize + 1);
    }

    /** Per-inode file contents; initial contents are shared until first modified. */
    private static final class Contents {
        private final byte[][] initial;
        private final byte[][] bytes;
        private final int[] length;
        private final boolean[] owned;

        Contents(byte[][] initial, int extra) {
            this.initial = initial;
            int n = initial.length + extra;
            bytes = new byte[n][];
            length = new int[n];
            owned = new boolean[n];
            for (int i = 0; i < initial.length; i++) {
                bytes[i] = initial[i];
                length[i] = initial[i].length;
            }
        }

        void write(int inode, long offset, byte[] data) {
            int end = Math.toIntExact(offset + data.length);
            ensure(inode, Math.max(end, length[inode]));
            System.arraycopy(data, 0, bytes[inode], (int) offset, data.length);
            length[inode] = Math.max(end, length[inode]);
        }

        void truncate(int inode, long newLength) {
            int n = Math.toIntExact(newLength);
            ensure(inode, Math.max(n, length[inode]));
            if (n < length[inode]) {
                Arrays.fill(bytes[inode], n, length[inode], (byte) 0);
            }
            length[inode] = n;
        }

        private void ensure(int inode, int capacity) {
            byte[] old = bytes[inode] == null ? new byte[0] : bytes[inode];
            if (!owned[inode] || old.length < capacity) {
                bytes[inode] = Arrays.copyOf(old, Math.max(capacity, owned[inode] ? old.length * 2 : capacity));
                owned[inode] = true;
            }
        }

        byte[] bytes(int inode) {
            byte[] b = bytes[inode];
            return b == null ? new byte[0] : (b.length == length[inode] && owned[inode]) ? b : Arrays.copyOf(b, length[inode]);
        }
    }
}
