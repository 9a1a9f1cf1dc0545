package dev.crashlab.reports;

import java.util.List;

/**
 * How the crash state was made from the trace under the persistence model: which operations
 * persisted, which were dropped, which were torn. Operations after the crash point are in none of
 * the lists; they never happened.
 */
public record Fates(List<Integer> persisted, List<Integer> dropped, List<TornOp> torn) {

    public Fates {
        persisted = persisted == null ? List.of() : List.copyOf(persisted);
        dropped = dropped == null ? List.of() : List.copyOf(dropped);
        torn = torn == null ? List.of() : List.copyOf(torn);
    }

    /** The fate of operation {@code index} in this crash state, or null when it is in no list. */
    String fateOf(int index) {
        if (persisted.contains(index)) {
            return "persisted";
        }
        if (dropped.contains(index)) {
            return "dropped";
        }
        for (TornOp t : torn) {
            if (t.op() == index) {
                return "torn";
            }
        }
        return null;
    }
}
