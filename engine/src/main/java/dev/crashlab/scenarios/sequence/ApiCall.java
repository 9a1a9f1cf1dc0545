package dev.crashlab.scenarios.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One operation of a sequence with its arguments, each named by its index in the argument's domain
 * (index 0 is the smallest: shrinking lowers indices).
 */
record ApiCall(ApiOperation operation, int[] args) {

    List<Object> values() {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            out.add(operation.domains().get(i).get(args[i]));
        }
        return out;
    }

    /** As a person reads it: {@code put(a, 1)}. */
    String display() {
        return operation.name() + values().stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }

    /** As a replay token carries it: {@code put-0-0} (the operation, then each argument's domain index). */
    String code() {
        StringBuilder out = new StringBuilder(operation.name());
        for (int a : args) {
            out.append('-').append(a);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiCall s && s.operation == operation && java.util.Arrays.equals(s.args, args);
    }

    @Override
    public int hashCode() {
        return operation.name().hashCode() * 31 + java.util.Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return display();
    }
}
