package dev.crashlab.faults.crash;

import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.Snapshot;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Generates the distinct crash states a persistence model allows for one I/O trace, at every
 * crash point from 0 (nothing happened) to the trace's size (everything happened). States are
 * deduplicated on their bytes, since many crash points leave identical files.
 *
 * <p>Crash points are explored from the last to the first, so the provenance kept for a state is
 * the one with the latest crash point that can leave it. That is the strictest one to judge: more
 * operations had returned (more puts acknowledged, more entries complete) while the bytes are the
 * same, so a state that passes its checks at its latest crash point passes them at any earlier one.
 *
 * <p>Not thread-safe (it reuses one digest): one instance per exploring thread.
 */
public final class CrashStates {

    private final TraceFacts facts;
    private final Replay replay;
    private final MessageDigest sha;
    private final MessageDigest fileSha;
    private final MessageDigest blockSha;
    private final MessageDigest appliedSha;
    private final Map<byte[], byte[]> wholeDigests = new IdentityHashMap<>();
    private final byte[] scratch = new byte[Extents.BLOCK];
    private final Map<Block, byte[]> blockDigests = new HashMap<>();
    private final Map<byte[], byte[][]> alignedBlockDigests = new IdentityHashMap<>();
    private final Map<Extents.Cut, byte[]> cutDigests = new HashMap<>();
    private byte[] alignedSource;
    private byte[][] alignedDigests;
    /** Which inodes a state shows depends only on the entry operations applied, a handful of sets per prefix. */
    private final Map<Applied, BitSet> visibleAfter = new HashMap<>();
    /** Candidates are replayed from the prefix every one of them persisted, not from the trace's start. */
    private final boolean incremental;
    /** The operations that change bytes (data or entries), in order: a provenance lists a prefix of them. */
    private final int[] changes;
    private Replay.Prefix lastPrefix;

    public CrashStates(IoTrace trace) {
        this(trace, Replay.spacing(trace.size()));
    }

    /**
     * With the replay's checkpoints {@code checkpointEvery} operations apart; 0 replays every
     * candidate from the trace's start, which is what the incremental replay is tested against.
     */
    CrashStates(IoTrace trace, int checkpointEvery) {
        this.facts = new TraceFacts(trace);
        this.replay = new Replay(facts, Math.max(1, checkpointEvery));
        this.incremental = checkpointEvery > 0;
        this.changes = java.util.stream.IntStream.range(0, trace.size())
                .filter(i -> facts.isData(i) || facts.isEntry(i)).toArray();
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
            this.fileSha = MessageDigest.getInstance("SHA-256");
            this.blockSha = MessageDigest.getInstance("SHA-256");
            this.appliedSha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** What the whole trace leaves when everything persisted: the directory the run itself left, if it is complete. */
    public static Snapshot replayed(IoTrace trace) {
        TraceFacts facts = new TraceFacts(trace);
        Fate[] all = new Fate[trace.size()];
        java.util.Arrays.fill(all, Fate.PERSISTED);
        return new Replay(facts).run(all).toSnapshot();
    }

    public TraceFacts facts() {
        return facts;
    }

    public List<CrashState> explore(PersistenceModel model, Exploration exploration) {
        List<CrashState> states = new ArrayList<>();
        explore(model, exploration, states::add);
        return states;
    }

    /**
     * Streams each distinct crash state to the sink as soon as it is found.
     *
     * @return how many candidates were replayed (before deduplication)
     */
    public long explore(PersistenceModel model, Exploration exploration, Consumer<CrashState> sink) {
        Seen seen = new Seen();
        long candidates = 0;
        for (int point = facts.trace().size(); point >= 0; point--) {
            candidates += explore(model, exploration, point, seen, sink);
        }
        return candidates;
    }

    /**
     * As {@link #explore(PersistenceModel, Exploration, Consumer)}, asking {@code stop} before each
     * candidate: a caller with a budget (an explanation, a time-boxed check) ends the exploration
     * between two candidates, where no state is half built.
     *
     * @return whether every candidate was explored; false when {@code stop} ended it early
     */
    public boolean explore(PersistenceModel model, Exploration exploration, Consumer<CrashState> sink,
                           BooleanSupplier stop) {
        Seen seen = new Seen();
        try {
            for (int point = facts.trace().size(); point >= 0; point--) {
                explore(model, exploration, point, seen, sink, stop);
            }
            return true;
        } catch (Stopped s) {
            return false;
        }
    }

    /** Unwinds an exploration out of the candidates' loop, where {@code stop} said so. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** The distinct states one crash point allows, e.g. a power failure right after a put returned. */
    public List<CrashState> atCrashPoint(PersistenceModel model, Exploration exploration, int crashPoint) {
        List<CrashState> states = new ArrayList<>();
        explore(model, exploration, crashPoint, new Seen(), states::add);
        return states;
    }

    private long explore(PersistenceModel model, Exploration exploration, int point,
                         Seen seen, Consumer<CrashState> sink) {
        return explore(model, exploration, point, seen, sink, () -> false);
    }

    private long explore(PersistenceModel model, Exploration exploration, int point,
                         Seen seen, Consumer<CrashState> sink, BooleanSupplier stop) {
        CrashSpace space = model.space(facts, point);
        // Every candidate of this crash point persisted the operations before the first one a choice
        // names: each is replayed from that prefix, so a candidate costs the operations after it.
        Replay.Prefix base = prefix(incremental ? space.firstChoice() : 0);
        long[] candidates = {0};
        Candidates.forEach(space, exploration, (picks, how) -> {
            if (stop.getAsBoolean()) {
                throw new Stopped();
            }
            candidates[0]++;
            Fate[] tail = space.fates(picks, base.at());
            if (!seen.applied.add(applied(base, tail))) {
                return;
            }
            Tree tree = replay.run(base, tail);
            if (seen.digests.add(tree.digest(sha, this::fileDigest))) {
                sink.accept(new CrashState(tree, provenance(model, point, base.at(), tail, how)));
            }
        });
        return candidates[0];
    }

    /** The prefix of the first {@code at} operations, the last one asked for kept: consecutive crash points mostly share it. */
    private Replay.Prefix prefix(int at) {
        if (lastPrefix == null || lastPrefix.at() != at) {
            lastPrefix = replay.prefix(at);
        }
        return lastPrefix;
    }

    /**
     * The SHA-256 of a file of up to one block; of a longer one, the SHA-256 of its blocks'
     * SHA-256s in order. Either way a function of the bytes alone, so equal files digest equally
     * however the replay built them, while a block that lies in one extent (a write's data, zeros,
     * a tear's garbage) is hashed once per trace, not once per candidate, and a file that is one
     * whole array once per array.
     */
    private byte[] fileDigest(Extents file) {
        byte[] whole = file.whole();
        return whole == null ? digest(file) : wholeDigests.computeIfAbsent(whole, w -> digest(Extents.of(w)));
    }

    private byte[] digest(Extents file) {
        if (file.size() <= Extents.BLOCK) {
            byte[][] small = new byte[1][];
            file.blocks(scratch, (bytes, at, n, cut) -> small[0] = blockDigest(bytes, at, n));
            return small[0] == null ? blockDigest(Extents.ZEROS, 0, 0) : small[0];
        }
        fileSha.reset();
        file.blocks(scratch, (bytes, at, n, cut) -> fileSha.update(cut != null ? cutBlockDigest(cut, bytes, at, n)
                : n < Extents.BLOCK ? blockDigest(bytes, at, n) : lastingBlockDigest(bytes, at)));
        return fileSha.digest();
    }

    /**
     * A block assembled from several extents, hashed once per way of cutting it: buffered writes
     * that do not start on a block boundary cut every block of a file, and a candidate that drops or
     * tears some of them would otherwise rehash the whole file (a 1 MiB value written 8,000 bytes at
     * a time: 256 blocks per candidate, hundreds of thousands of candidates).
     */
    private byte[] cutBlockDigest(Extents.Cut cut, byte[] bytes, int at, int n) {
        byte[] d = cutDigests.get(cut);
        if (d == null) {
            d = blockDigest(bytes, at, n);
            cutDigests.put(cut, d);
        }
        return d;
    }

    /**
     * A whole block of an array no one modifies, hashed once. Most such blocks start at a multiple
     * of the block size in their array (a write at offset 0 seen at block-aligned file offsets), and
     * a file's blocks come from one array in a row: those are found by index in that array's list.
     */
    private byte[] lastingBlockDigest(byte[] source, int at) {
        if (at % Extents.BLOCK != 0) {
            return blockDigests.computeIfAbsent(new Block(source, at), k -> blockDigest(k.source(), k.offset(), Extents.BLOCK));
        }
        if (source != alignedSource) {
            alignedSource = source;
            alignedDigests = alignedBlockDigests.computeIfAbsent(source, s -> new byte[s.length / Extents.BLOCK][]);
        }
        int k = at / Extents.BLOCK;
        byte[] d = alignedDigests[k];
        if (d == null) {
            d = blockDigest(source, at, Extents.BLOCK);
            alignedDigests[k] = d;
        }
        return d;
    }

    private byte[] blockDigest(byte[] bytes, int offset, int length) {
        blockSha.update(bytes, offset, length);
        return blockSha.digest();
    }

    /** A block of an array no one modifies, by identity: records compare array components by reference. */
    private record Block(byte[] source, int offset) {

        /** One array's blocks sit 4,096 bytes apart: their offsets are mixed into the low bits a HashMap indexes by. */
        @Override
        public int hashCode() {
            int x = offset * 0x9E3779B1;
            return System.identityHashCode(source) * 31 + (x ^ (x >>> 15));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Block b && b.source == source && b.offset == offset;
        }
    }

    /**
     * What a replay of these fates applies that can show in the state: the state is a function of
     * it alone. The same list at an earlier crash point (only a close or an fsync between them),
     * from another outcome that only differs on operations without effect, or on the data of a
     * file no name shows (the creation of a temp file lost, say) is the same state, found without
     * replaying 1 MiB. Kept as a SHA-256 of the list, not the list: a long trace has tens of
     * thousands of candidates of tens of thousands of operations each, which as lists filled
     * gigabytes (a log of 10,000 records). The operations before {@code base}'s end all persisted,
     * so what they apply is named by where the prefix ends: the list is that, then the tail's.
     */
    private Tree.Digest applied(Replay.Prefix base, Fate[] tail) {
        int from = base.at();
        BitSet entries = new BitSet(tail.length);
        for (int i = 0; i < tail.length; i++) {
            if (facts.isEntry(from + i) && tail[i].kind() != Fate.Kind.DROPPED) {
                entries.set(i);
            }
        }
        BitSet visible = visibleAfter.computeIfAbsent(new Applied(from, entries), e -> replay.visible(base, tail));
        appliedSha.reset();
        appliedInt(from);
        for (int i = 0; i < tail.length; i++) {
            int op = from + i;
            boolean shows = facts.isEntry(op) || facts.isData(op) && facts.inode(op) >= 0 && visible.get(facts.inode(op));
            if (shows && tail[i].kind() != Fate.Kind.DROPPED) {
                Tear t = tail[i].tear();
                appliedInt(op);
                if (t != null) {
                    appliedInt(-1 - t.fill().ordinal());
                    appliedInt(t.sectorSize());
                    appliedInt(t.sectors());
                    appliedInt(t.firstKept());
                    appliedInt(t.endKept());
                }
            }
        }
        return Tree.Digest.of(appliedSha.digest());
    }

    /** The entry operations a candidate applies: those of the prefix ending at {@code from}, then these of the tail. */
    private record Applied(int from, BitSet entries) {
    }

    private void appliedInt(int v) {
        appliedSha.update((byte) (v >>> 24));
        appliedSha.update((byte) (v >>> 16));
        appliedSha.update((byte) (v >>> 8));
        appliedSha.update((byte) v);
    }

    /** What one exploration already has: fates replayed, and the digests of the states kept. */
    private static final class Seen {
        final Set<Tree.Digest> applied = new HashSet<>();
        final Set<Tree.Digest> digests = new HashSet<>();
    }

    private Provenance provenance(PersistenceModel model, int crashPoint, int from, Fate[] tail, String how) {
        int[] persisted = new int[tail.length];
        int kept = 0;
        List<Integer> dropped = new ArrayList<>();
        TreeMap<Integer, Tear> torn = new TreeMap<>();
        for (int i = 0; i < tail.length; i++) {
            int op = from + i;
            if (!facts.isData(op) && !facts.isEntry(op)) {
                continue;
            }
            switch (tail[i].kind()) {
                case PERSISTED -> persisted[kept++] = op;
                case DROPPED -> dropped.add(op);
                case TORN -> torn.put(op, tail[i].tear());
            }
        }
        int before = java.util.Arrays.binarySearch(changes, from);
        return new Provenance(model.name(), crashPoint,
                new Indexes(changes, before >= 0 ? before : -1 - before, java.util.Arrays.copyOf(persisted, kept)),
                dropped, torn, how);
    }
}
