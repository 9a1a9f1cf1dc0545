package dev.crashlab.faults.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Choices shared by the built-in models. */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * What an in-order stream of operations leaves: outcome k loses the last k of them. Empty
     * when there is nothing to lose.
     */
    static Optional<Choice> suffixLoss(List<Integer> ops) {
        if (ops.isEmpty()) {
            return Optional.empty();
        }
        List<Map<Integer, Fate>> outcomes = new ArrayList<>();
        outcomes.add(Map.of());
        Map<Integer, Fate> lost = new HashMap<>();
        for (int k = ops.size() - 1; k >= 0; k--) {
            lost.put(ops.get(k), Fate.DROPPED);
            outcomes.add(Map.copyOf(lost));
        }
        return Optional.of(new Choice(outcomes));
    }
}
