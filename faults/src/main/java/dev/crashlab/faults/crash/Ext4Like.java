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
 *     persisted are a prefix of them. Any fsync commits the journal (jbd2 commits the whole
 *     running transaction), so every directory operation before a completed fsync persisted.</li>
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
        List<Integer> journal = new ArrayList<>();
        Map<Integer, List<Integer>> dataByFile = new TreeMap<>();
        for (int i = 0; i < crashPoint; i++) {
            if (facts.isEntry(i) && !facts.anySyncBefore(i, crashPoint)) {
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
