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
 *     Data reaches disk whole or not at all, and the size never exposes unwritten blocks.</li>
 * </ul>
 */
public final class Ext4Like implements PersistenceModel {

    @Override
    public String name() {
        return "ext4-like";
    }

    @Override
    public CrashSpace space(TraceFacts facts, int crashPoint) {
        int committed = -1;
        for (int s = 0; s < crashPoint; s++) {
            committed = Math.max(committed, facts.lastChangeSynced(s));
        }
        List<Integer> journal = new ArrayList<>();
        Map<Integer, List<Integer>> dataByFile = new TreeMap<>();
        for (int i = 0; i < crashPoint; i++) {
            if (facts.isEntry(i) && i > committed) {
                journal.add(i);
            } else if (facts.isData(i) && !facts.syncedBefore(i, crashPoint) && facts.inode(i) >= 0) {
                dataByFile.computeIfAbsent(facts.inode(i), k -> new ArrayList<>()).add(i);
            }
        }
        List<Choice> choices = new ArrayList<>();
        Outcomes.suffixLoss(journal).ifPresent(choices::add);
        dataByFile.values().forEach(ops -> Outcomes.suffixLoss(ops).ifPresent(choices::add));
        return new CrashSpace(crashPoint, choices);
    }
}
