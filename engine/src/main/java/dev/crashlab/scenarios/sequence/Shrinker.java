package dev.crashlab.scenarios.sequence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Makes a failing sequence minimal, to a fixed point: first fewer steps (halves, quarters, ... then
 * single steps, each removal kept only if the sequence still fails), then smaller steps (each step
 * replaced by the smallest step of the alphabet that still fails: an earlier operation, smaller
 * arguments). Repeats until neither changes anything, so the result is a sequence no single removal
 * or lowering keeps failing. Deterministic: it depends on the failing sequence only, not the seed.
 */
final class Shrinker {

    private final Alphabet alphabet;
    private final Function<List<ApiCall>, SequenceOutcome> check;
    private final Map<List<ApiCall>, SequenceOutcome> tried = new HashMap<>();

    Shrinker(Alphabet alphabet, Function<List<ApiCall>, SequenceOutcome> check) {
        this.alphabet = alphabet;
        this.check = check;
    }

    /** Checks run while shrinking (each distinct sequence once). */
    int checks() {
        return tried.size();
    }

    SequenceOutcome shrink(SequenceOutcome failing) {
        SequenceOutcome current = failing;
        tried.put(current.steps(), current);
        boolean changed = true;
        while (changed) {
            SequenceOutcome fewer = fewer(current);
            SequenceOutcome smaller = smaller(fewer);
            changed = smaller != current;
            current = smaller;
        }
        return current;
    }

    private SequenceOutcome fewer(SequenceOutcome from) {
        SequenceOutcome current = from;
        for (int size = Math.max(1, current.steps().size() / 2); size >= 1; size = size == 1 ? 0 : size / 2) {
            boolean removed = true;
            while (removed) {
                removed = false;
                List<ApiCall> steps = current.steps();
                for (int start = 0; start + size <= steps.size() && steps.size() > size; start++) {
                    List<ApiCall> cand = new ArrayList<>(steps.subList(0, start));
                    cand.addAll(steps.subList(start + size, steps.size()));
                    SequenceOutcome o = attempt(cand);
                    if (o.failed()) {
                        current = o;
                        removed = true;
                        break;
                    }
                }
            }
        }
        return current;
    }

    private SequenceOutcome smaller(SequenceOutcome from) {
        SequenceOutcome current = from;
        for (int i = 0; i < current.steps().size(); i++) {
            int rank = alphabet.rank(current.steps().get(i));
            for (int r = 0; r < rank; r++) {
                List<ApiCall> cand = new ArrayList<>(current.steps());
                cand.set(i, alphabet.get(r));
                SequenceOutcome o = attempt(cand);
                if (o.failed()) {
                    current = o;
                    break;
                }
            }
        }
        return current;
    }

    private SequenceOutcome attempt(List<ApiCall> steps) {
        return tried.computeIfAbsent(List.copyOf(steps), check);
    }
}
