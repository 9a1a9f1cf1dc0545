package dev.crashlab.faults.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Power failure on ext4 with data=ordered and delayed allocation, reduced to two rules.
 *
 * <ul>
 * <li>Directory operations go through the journal, which commits them in order: the ones that
 *     persisted are a prefix of them. An fsync commits the journal only up to the transaction of
 *     the synced inode's last change ({@code ext4_sync_file} waits for {@code i_sync_tid}, or
 *     {@code i_datasync_tid} for fdatasync), so it makes durable every directory operation up to
 *     that change ({@link TraceFacts#lastChangeSynced}), and none after it: a rename, then an fsync
 *     of a file that has no change since, or an fdatasync of a file only overwritten in place,
 *     leaves the rename to the next commit. A commit by the timer or by another program may come
 *     at any moment, hence the prefix.</li>
 * <li>File data is not allocated until writeback, which the journal does not wait for: each file
 *     keeps a prefix of its unsynced writes and truncates, independently of the journal. So a
 *     rename can persist while the renamed file's data did not (the 2009 zero-length files).
 *     A file's size, though, is journaled: it may be ahead of its data. Of a file's unsynced
 *     operations a prefix persisted whole, and after it the size changes of some more did (a
 *     truncate; a write past the end, whose new bytes then read as zeros: an append within an
 *     allocated block, a write before a growing truncate, and a write into blocks it newly
 *     allocates, which ext4 maps as unwritten extents (dioread_nolock, the default) in the
 *     transaction of the size and converts only once their I/O completed, in a later one; all
 *     measured by the kernel oracle). Newly allocated blocks never show stale bytes, only zeros.
 *     A shrinking truncate zeroes the rest of the block the new end falls in, in the page cache,
 *     and the flusher may write that block before the journal commits the new size: the old size
 *     with zeros from the new end to that block's end.</li>
 * <li>With auto_da_alloc ({@code new Ext4Like(true)}, "ext4-like/auto_da_alloc": ext4's default
 *     mount option), a rename over an existing file is the exception: ext4 allocates the renamed
 *     file's delayed blocks before the rename, and data=ordered writes newly allocated blocks
 *     before the transaction that holds the rename commits, so if such a rename persisted, so did
 *     every write before it that extended the renamed file. The built-in "ext4-like" leaves that
 *     out on purpose: code that skips the fsync before such a rename loses its data on ext4
 *     mounted noauto_da_alloc and on xfs (measured by the kernel oracle, docs/kernel-oracle.md),
 *     and a model that hid it would pass code that is wrong on most other file systems.</li>
 * </ul>
 */
public final class Ext4Like implements PersistenceModel {

    /**
     * How many operations past the last whose data persisted a file's size may be ahead by: each
     * has to lie in the same block, so only a run of tiny appends is cut short, to keep a long
     * unsynced log from costing its length squared in outcomes.
     */
    private static final int SIZE_AHEAD = 16;

    /** Beyond this many outcomes, a rename over a file is not tied to its data: looser, never wrong. */
    private static final int TIED_OUTCOMES = 4096;

    private final boolean autoDaAlloc;

    /** The built-in model: ext4 without auto_da_alloc's rescue of a file renamed over another. */
    public Ext4Like() {
        this(false);
    }

    /** @param autoDaAlloc true for ext4 as mounted by default, whose auto_da_alloc ties a rename over a file to its data */
    public Ext4Like(boolean autoDaAlloc) {
        this.autoDaAlloc = autoDaAlloc;
    }

    @Override
    public String name() {
        return autoDaAlloc ? "ext4-like/auto_da_alloc" : "ext4-like";
    }

    @Override
    public CrashSpace space(TraceFacts facts, int crashPoint) {
        int committed = -1;
        for (int s = 0; s < crashPoint; s++) {
            committed = Math.max(committed, facts.lastChangeSynced(s));
        }
        List<Integer> journal = new ArrayList<>();
        Map<Integer, List<Integer>> dataByFile = new TreeMap<>();
        List<Integer> replacing = new ArrayList<>();
        for (int i = 0; i < crashPoint; i++) {
            if (facts.isEntry(i) && i > committed) {
                journal.add(i);
            } else if (facts.isData(i) && !facts.syncedBefore(i, crashPoint) && facts.inode(i) >= 0) {
                dataByFile.computeIfAbsent(facts.inode(i), k -> new ArrayList<>()).add(i);
            }
            if (autoDaAlloc && facts.replacesAFile(i)) {
                replacing.add(i);
            }
        }
        Tied tied = new Tied(journal);
        for (int rename : replacing) {
            List<Integer> data = dataByFile.get(facts.inode(rename));
            int required = data == null ? 0 : required(facts, data, rename);
            if (required > 0) {
                tied.tie(rename, data, required);
            }
        }
        List<Choice> choices = new ArrayList<>();
        if (tied.outcomes() <= TIED_OUTCOMES) {
            tied.choice().ifPresent(choices::add);
            dataByFile.forEach((file, ops) -> {
                if (!tied.files.containsKey(ops)) {
                    sizeAhead(facts, ops).ifPresent(choices::add);
                }
            });
        } else {
            Outcomes.suffixLoss(journal).ifPresent(choices::add);
            dataByFile.values().forEach(ops -> sizeAhead(facts, ops).ifPresent(choices::add));
        }
        return new CrashSpace(crashPoint, choices);
    }

    /**
     * A file's unsynced writes and truncates: the first p persisted, the size changes of the next
     * ones up to q persisted too (a truncate whole; a write past the end as its new size, its bytes
     * zeros), the rest are lost; or the first p persisted and of the rest only a shrinking
     * truncate's zeroing of the tail of its block reached the disk (its size lost), with up to
     * {@link #SIZE_AHEAD} operations after it whose bytes went in the same page, p at most
     * {@link #SIZE_AHEAD} operations before it. Outcome 0 is everything persisted. At most
     * {@link #SIZE_AHEAD} + 1 outcomes per operation, and 17 x 17 more per shrinking truncate:
     * linear in the file's operations.
     */
    private static java.util.Optional<Choice> sizeAhead(TraceFacts facts, List<Integer> ops) {
        List<Map<Integer, Fate>> outcomes = new ArrayList<>();
        for (int p = ops.size(); p >= 0; p--) {
            for (int q = p; q <= ops.size() && q - p <= SIZE_AHEAD; q++) {
                if (q > p && sizeOnly(facts, ops.get(q - 1)) == Fate.DROPPED) {
                    continue; // the same state as q - 1
                }
                outcomes.add(lostAfter(ops, p, q, k -> sizeOnly(facts, ops.get(k))));
            }
        }
        for (int t = 0; t < ops.size(); t++) {
            if (!Replay.zeroesATail(facts, facts.op(ops.get(t)), WeakestPosix.DEFAULT_SECTOR_SIZE)) {
                continue;
            }
            // The zeroed page reaches the disk whatever size the journal last committed: the
            // operations between the persisted prefix and the truncate may all be lost, and the
            // next ones' bytes may reach it in the same page, under the old size.
            for (int p = t; p >= 0 && t - p <= SIZE_AHEAD; p--) {
                for (int u = t + 1; u <= ops.size() && u - t <= SIZE_AHEAD + 1; u++) {
                    int truncate = t;
                    int written = u;
                    outcomes.add(lostAfter(ops, p, ops.size(),
                            k -> k == truncate ? TAIL_ZEROED : k > truncate && k < written ? Fate.PERSISTED : Fate.DROPPED));
                }
            }
        }
        return outcomes.size() < 2 ? java.util.Optional.empty() : java.util.Optional.of(new Choice(outcomes));
    }

    /** Operations p to q-1 of a file's list met {@code fate}, those after were lost; those before p persisted. */
    private static Map<Integer, Fate> lostAfter(List<Integer> ops, int p, int q, java.util.function.IntFunction<Fate> fate) {
        Map<Integer, Fate> outcome = new java.util.HashMap<>();
        for (int k = p; k < ops.size(); k++) {
            outcome.put(ops.get(k), k < q ? fate.apply(k) : Fate.DROPPED);
        }
        return Map.copyOf(outcome);
    }

    /**
     * A shrinking truncate whose new size was lost but whose zeroing of the rest of its block
     * reached the disk: as a tear of that one block with nothing of it kept ({@link Replay} zeroes
     * from the new end to the block's end, within the old size, and keeps the old size).
     */
    private static final Fate TAIL_ZEROED = Fate.torn(new Tear(WeakestPosix.DEFAULT_SECTOR_SIZE, 1, 0, 0, Tear.Fill.ZERO));

    /** What is left of an operation whose size change persisted but whose bytes did not: zeros where it wrote. */
    private static Fate sizeOnly(TraceFacts facts, int index) {
        dev.crashlab.faults.trace.IoOp op = facts.op(index);
        if (op.kind() != dev.crashlab.faults.trace.OpKind.WRITE) {
            return Fate.PERSISTED;
        }
        if (!facts.changesSize(index) || op.length() == 0) {
            return Fate.DROPPED;
        }
        int sectors = Replay.sectors(op.offset(), op.length(), WeakestPosix.DEFAULT_SECTOR_SIZE);
        return Fate.torn(new Tear(WeakestPosix.DEFAULT_SECTOR_SIZE, sectors, 0, 0, Tear.Fill.ZERO));
    }

    /** How many of a file's unsynced data operations, from the first, a rename of it over another file needs. */
    private static int required(TraceFacts facts, List<Integer> data, int rename) {
        int required = 0;
        for (int k = 0; k < data.size() && data.get(k) < rename; k++) {
            if (facts.op(data.get(k)).kind() == dev.crashlab.faults.trace.OpKind.WRITE && facts.changesSize(data.get(k))) {
                required = k + 1;
            }
        }
        return required;
    }

    /**
     * The journal's prefix and the data of files renamed over others, as one choice: every
     * combination of a journal prefix and a prefix of each such file's data, except those where a
     * rename persisted without the data it needs. A rename already committed needs its data always.
     */
    private static final class Tied {
        private final List<Integer> journal;
        /** Per file's data list: how many of its operations each of its renames needs. */
        final Map<List<Integer>, Map<Integer, Integer>> files = new java.util.LinkedHashMap<>();

        Tied(List<Integer> journal) {
            this.journal = journal;
        }

        void tie(int rename, List<Integer> data, int required) {
            files.computeIfAbsent(data, d -> new java.util.HashMap<>()).merge(rename, required, Math::max);
        }

        long outcomes() {
            long n = journal.size() + 1L;
            for (List<Integer> data : files.keySet()) {
                n *= data.size() + 1L;
                if (n > TIED_OUTCOMES) {
                    return n;
                }
            }
            return n;
        }

        java.util.Optional<Choice> choice() {
            if (files.isEmpty()) {
                return Outcomes.suffixLoss(journal);
            }
            List<Map<Integer, Fate>> outcomes = new ArrayList<>();
            List<List<Integer>> lists = new ArrayList<>(files.keySet());
            for (int lost = 0; lost <= journal.size(); lost++) {
                java.util.Set<Integer> kept = new java.util.HashSet<>(journal.subList(0, journal.size() - lost));
                combine(lists, 0, kept, new java.util.HashMap<>(), outcomes);
            }
            return outcomes.size() < 2 ? java.util.Optional.empty() : java.util.Optional.of(new Choice(outcomes));
        }

        private void combine(List<List<Integer>> lists, int at, java.util.Set<Integer> kept, Map<Integer, Fate> dropped,
                             List<Map<Integer, Fate>> outcomes) {
            if (at == lists.size()) {
                Map<Integer, Fate> outcome = new java.util.HashMap<>(dropped);
                journal.forEach(j -> {
                    if (!kept.contains(j)) {
                        outcome.put(j, Fate.DROPPED);
                    }
                });
                outcomes.add(Map.copyOf(outcome));
                return;
            }
            List<Integer> data = lists.get(at);
            int needed = 0;
            for (Map.Entry<Integer, Integer> r : files.get(data).entrySet()) {
                if (kept.contains(r.getKey()) || !journal.contains(r.getKey())) {
                    needed = Math.max(needed, r.getValue());
                }
            }
            for (int lost = 0; data.size() - lost >= needed; lost++) {
                Map<Integer, Fate> next = new java.util.HashMap<>(dropped);
                for (int k = data.size() - lost; k < data.size(); k++) {
                    next.put(data.get(k), Fate.DROPPED);
                }
                combine(lists, at + 1, kept, next, outcomes);
            }
        }
    }
}
