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
 * boundaries: the size persisted, some sectors did not, and those read as zeros or garbage.
 *
 * <p>Tears per write follow ALICE's partial-write and LazyFS's torn-op shapes rather than every
 * subset of sectors: a leading run of sectors written, a trailing run written, or none, each with
 * zero or garbage fill, i.e. {@code 4k} outcomes (k sectors) including persisted and lost.
 */
public final class WeakestPosix implements PersistenceModel {

    /** The sector a modern drive writes atomically (4Kn / 512e physical sector). */
    public static final int DEFAULT_SECTOR_SIZE = 4096;

    private final int sectorSize;

    public WeakestPosix() {
        this(DEFAULT_SECTOR_SIZE);
    }

    public WeakestPosix(int sectorSize) {
        if (sectorSize <= 0) {
            throw new IllegalArgumentException("sector size must be positive: " + sectorSize);
        }
        this.sectorSize = sectorSize;
    }

    @Override
    public String name() {
        return sectorSize == DEFAULT_SECTOR_SIZE ? "weakest-posix" : "weakest-posix/" + sectorSize;
    }

    @Override
    public CrashSpace space(TraceFacts facts, int crashPoint) {
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < crashPoint; i++) {
            if ((facts.isData(i) || facts.isEntry(i)) && !facts.syncedBefore(i, crashPoint)) {
                choices.add(new Choice(outcomes(facts.op(i))));
            }
        }
        return new CrashSpace(crashPoint, choices);
    }

    private List<Map<Integer, Fate>> outcomes(IoOp op) {
        List<Map<Integer, Fate>> outcomes = new ArrayList<>();
        outcomes.add(Map.of());
        outcomes.add(Map.of(op.index(), Fate.DROPPED));
        int k = op.kind() == OpKind.WRITE ? Replay.sectors(op.offset(), op.length(), sectorSize) : 0;
        for (Tear.Fill fill : k == 0 ? new Tear.Fill[0] : Tear.Fill.values()) {
            outcomes.add(torn(op, new Tear(sectorSize, k, 0, 0, fill)));
            for (int j = 1; j < k; j++) {
                outcomes.add(torn(op, new Tear(sectorSize, k, 0, j, fill)));
                outcomes.add(torn(op, new Tear(sectorSize, k, k - j, k, fill)));
            }
        }
        return outcomes;
    }

    private static Map<Integer, Fate> torn(IoOp op, Tear tear) {
        return Map.of(op.index(), Fate.torn(tear));
    }
}
