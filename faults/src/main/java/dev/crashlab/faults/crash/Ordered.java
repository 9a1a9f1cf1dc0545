package dev.crashlab.faults.crash;

import java.util.ArrayList;
import java.util.List;

/**
 * Power failure on an idealised disk that persists operations in the order they were issued:
 * the crash state is some prefix of the operations before the crash point. An fsync that
 * returned bounds the prefix from below: it must include every operation that fsync covered.
 */
public final class Ordered implements PersistenceModel {

    @Override
    public String name() {
        return "ordered";
    }

    @Override
    public CrashSpace space(TraceFacts facts, int crashPoint) {
        int shortest = 0;
        for (int i = 0; i < crashPoint; i++) {
            if (facts.syncedBefore(i, crashPoint)) {
                shortest = i + 1;
            }
        }
        List<Integer> changes = new ArrayList<>();
        for (int i = shortest; i < crashPoint; i++) {
            if (facts.isData(i) || facts.isEntry(i)) {
                changes.add(i);
            }
        }
        // Syncs and closes change no bytes, so losing the last k changes covers every prefix.
        return new CrashSpace(crashPoint, Outcomes.suffixLoss(changes).stream().toList());
    }
}
