package dev.crashlab.faults.crash;

import java.util.List;
import java.util.Map;

/**
 * One independent decision a persistence model leaves open at a crash point, e.g. "did this write
 * reach the disk, and whole?". Each outcome maps operation indexes to their fate; operations an
 * outcome does not mention keep the default fate, PERSISTED.
 *
 * <p>By convention outcome 0 is the one closest to "everything persisted": exploration beyond the
 * exhaustive bound deviates from outcome 0 one choice at a time (ALICE's omit-one and tear-one
 * passes), so putting the mildest outcome first makes those passes meaningful.
 */
public record Choice(List<Map<Integer, Fate>> outcomes) {

    public Choice {
        outcomes = List.copyOf(outcomes);
        if (outcomes.size() < 2) {
            throw new IllegalArgumentException("a choice needs at least two outcomes");
        }
    }

    public int size() {
        return outcomes.size();
    }
}
