package dev.crashlab.faults.crash;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every crash state a persistence model allows at one crash point, described compactly: the
 * operations before the crash point persist unless one of the independent {@link Choice}s says
 * otherwise. The states are the cross product of the choices' outcomes, so they can be counted,
 * enumerated and sampled by index without being built.
 *
 * @param crashPoint how many operations of the trace happened (0 = none, size = all)
 * @param choices    the decisions left open; empty when the model allows exactly one state
 */
public record CrashSpace(int crashPoint, List<Choice> choices) {

    public CrashSpace {
        choices = List.copyOf(choices);
    }

    /** The single state in which every operation before the crash point persisted. */
    public static CrashSpace exact(int crashPoint) {
        return new CrashSpace(crashPoint, List.of());
    }

    /** The number of candidate states (before deduplication), saturating at Long.MAX_VALUE. */
    public long size() {
        long product = 1;
        for (Choice c : choices) {
            if (product > Long.MAX_VALUE / c.size()) {
                return Long.MAX_VALUE;
            }
            product *= c.size();
        }
        return product;
    }

    /** The fate of each operation before the crash point when choice {@code i} takes outcome {@code picks[i]}. */
    Fate[] fates(int[] picks) {
        return fates(picks, 0);
    }

    /**
     * As {@link #fates(int[])} for the operations from {@code from} on ({@code from} at most {@link
     * #firstChoice()}): element {@code i} is the fate of operation {@code from + i}.
     */
    Fate[] fates(int[] picks, int from) {
        Fate[] fates = new Fate[crashPoint - from];
        Arrays.fill(fates, Fate.PERSISTED);
        for (int i = 0; i < picks.length; i++) {
            for (Map.Entry<Integer, Fate> e : choices.get(i).outcomes().get(picks[i]).entrySet()) {
                fates[e.getKey() - from] = e.getValue();
            }
        }
        return fates;
    }

    /** The first operation any outcome names (the crash point when none does): every operation before it persists in every state. */
    int firstChoice() {
        int first = crashPoint;
        for (Choice c : choices) {
            for (Map<Integer, Fate> outcome : c.outcomes()) {
                for (int index : outcome.keySet()) {
                    first = Math.min(first, index);
                }
            }
        }
        return first;
    }
}
