package dev.crashlab.faults.crash;

import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.OpKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Power failure with nothing promised but what POSIX fsync promises. Every operation before the
 * crash point that no completed fsync covers may independently persist or be lost (losing and
 * reordering are the same thing to the state left behind, since what persisted is applied in
 * trace order); an fsync of a file covers that file's data written before it, an fsync of a
 * directory the entries changed in it before it. An unsynced write may also be torn at sector
 * boundaries: the size persisted, some sectors did not. A lost sector keeps its old bytes where
 * the file had been synced that far (a drive writes a sector whole or not at all); beyond the
 * synced size, in blocks the write allocated, it reads as zeros or garbage. A truncate that
 * shrinks a file to an end inside a block may also leave the old size with the rest of that block
 * zeroed (ext4 writes the zeroed page before it commits the size).
 *
 * <p>Tears per write follow ALICE's partial-write and LazyFS's torn-op shapes rather than every
 * subset of sectors: a leading run of sectors written, a trailing run written, or none, each with
 * zero or garbage fill. A write of k sectors is split at every sector boundary while k - 1 is at
 * most {@code tearPoints}, i.e. {@code 4k} outcomes including persisted and lost; a longer write
 * at {@code tearPoints} boundaries spread evenly (always the first and the last), because a 1 MiB
 * value's 255 boundaries would make 1,024 outcomes of one write, each a 1 MiB state, while
 * checkers judge a tear by whether it happened, hardly ever by where. Four points (the first
 * sector alone, the last alone, and two in between) give every shape a checker can tell apart:
 * with 16, one unsynced 1 MiB put left 2,700 states under this model against 5 in the others,
 * and the default campaign spent most of its time judging tears that differ only in where.
 */
public final class WeakestPosix implements PersistenceModel {

    /** The sector a modern drive writes atomically (4Kn / 512e physical sector). */
    public static final int DEFAULT_SECTOR_SIZE = 4096;
    /** Writes of up to 5 sectors (20 KiB at 4 KiB) are torn at every boundary. */
    public static final int DEFAULT_TEAR_POINTS = 4;

    private final int sectorSize;
    private final int tearPoints;

    public WeakestPosix() {
        this(DEFAULT_SECTOR_SIZE, DEFAULT_TEAR_POINTS);
    }

    public WeakestPosix(int sectorSize) {
        this(sectorSize, DEFAULT_TEAR_POINTS);
    }

    public WeakestPosix(int sectorSize, int tearPoints) {
        if (sectorSize <= 0 || tearPoints < 2) {
            throw new IllegalArgumentException("the sector size must be positive and tear points at least 2 (first and last)");
        }
        this.sectorSize = sectorSize;
        this.tearPoints = tearPoints;
    }

    @Override
    public String name() {
        return "weakest-posix" + (sectorSize == DEFAULT_SECTOR_SIZE ? "" : "/" + sectorSize)
                + (tearPoints == DEFAULT_TEAR_POINTS ? "" : "/tears=" + tearPoints);
    }

    @Override
    public CrashSpace space(TraceFacts facts, int crashPoint) {
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < crashPoint; i++) {
            if ((facts.isData(i) || facts.isEntry(i)) && !facts.syncedBefore(i, crashPoint)) {
                choices.add(new Choice(outcomes(facts, facts.op(i))));
            }
        }
        return new CrashSpace(crashPoint, choices);
    }

    private List<Map<Integer, Fate>> outcomes(TraceFacts facts, IoOp op) {
        List<Map<Integer, Fate>> outcomes = new ArrayList<>();
        outcomes.add(Map.of());
        outcomes.add(Map.of(op.index(), Fate.DROPPED));
        int k = op.kind() == OpKind.WRITE ? Replay.sectors(op.offset(), op.length(), sectorSize) : 0;
        // An overwrite of synced bytes leaves each sector old or new: there is nothing to fill.
        boolean overwrite = op.offset() + op.length() <= facts.syncedSize(op.index());
        Tear.Fill[] fills = k == 0 ? new Tear.Fill[0]
                : overwrite ? new Tear.Fill[] {Tear.Fill.OLD} : new Tear.Fill[] {Tear.Fill.ZERO, Tear.Fill.GARBAGE};
        if (Replay.zeroesATail(facts, op, sectorSize)) {
            // the old size, the rest of the new end's block zeroed: measured on ext4 (docs/kernel-oracle.md)
            outcomes.add(torn(op, new Tear(sectorSize, 1, 0, 0, Tear.Fill.ZERO)));
        }
        for (Tear.Fill fill : fills) {
            outcomes.add(torn(op, new Tear(sectorSize, k, 0, 0, fill)));
            for (int j : boundaries(k)) {
                outcomes.add(torn(op, new Tear(sectorSize, k, 0, j, fill)));
                outcomes.add(torn(op, new Tear(sectorSize, k, k - j, k, fill)));
            }
        }
        return outcomes;
    }

    /** Where a write of k sectors may split: every boundary, or tearPoints of them spread evenly. */
    private int[] boundaries(int k) {
        if (k - 1 <= tearPoints) {
            return java.util.stream.IntStream.range(1, k).toArray();
        }
        return java.util.stream.IntStream.range(0, tearPoints)
                .map(i -> 1 + (int) ((long) i * (k - 2) / (tearPoints - 1))).distinct().toArray();
    }

    private static Map<Integer, Fate> torn(IoOp op, Tear tear) {
        return Map.of(op.index(), Fate.torn(tear));
    }
}
