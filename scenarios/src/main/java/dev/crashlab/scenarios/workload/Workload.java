package dev.crashlab.scenarios.workload;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What a target is asked to do in one run: a short sequence of steps. */
public record Workload(List<Step> steps) {

    public Workload {
        steps = List.copyOf(steps);
    }

    public static Workload of(Step... steps) {
        return new Workload(List.of(steps));
    }

    public int size() {
        return steps.size();
    }

    /** Every key a step names, in order of first appearance. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Step s : steps) {
            if (s instanceof Step.Get g) {
                keys.add(g.key());
            } else if (s.writtenKey() != null) {
                keys.add(s.writtenKey());
            }
        }
        return keys;
    }

    /** The total bytes of the values put: the shrinker prefers smaller. */
    public long valueBytes() {
        return steps.stream().map(Step::writtenValue).filter(v -> v != null).mapToLong(Value::size).sum();
    }

    @Override
    public String toString() {
        return steps.stream().map(Step::toString).collect(Collectors.joining("; "));
    }
}
