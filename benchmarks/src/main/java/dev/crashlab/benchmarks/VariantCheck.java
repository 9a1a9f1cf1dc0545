package dev.crashlab.benchmarks;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Status;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.grade.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the crash check found for one variant of a user's writer, as its row of the cost table reads
 * it: one word per guarantee and context (over every fault the target is checked under, the worst
 * one), the guarantees it keeps, and the syncs one writer call makes, counted in the check's
 * recorded trace rather than guessed from the code.
 *
 * @param cells e.g. "G3 ext4-like" -> "broken (not claimed)", in guarantee then context order
 */
record VariantCheck(String name, Map<String, String> cells, long syncs) {

    static final String HELD = "held";
    static final String VIOLATED = "violated";
    static final String BROKEN_UNCLAIMED = "broken (not claimed)";
    static final String KEPT_UNCLAIMED = "kept (not claimed)";
    static final String NOT_APPLICABLE = "n/a";

    VariantCheck {
        cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    static VariantCheck of(CrashResult result) {
        Map<Guarantee, Map<Context, List<Verdict>>> byCell = new TreeMap<>();
        for (Verdict v : result.verdicts()) {
            byCell.computeIfAbsent(v.guarantee(), g -> new TreeMap<>()).computeIfAbsent(v.context(), c -> new ArrayList<>())
                    .add(v);
        }
        Map<String, String> cells = new LinkedHashMap<>();
        byCell.forEach((g, contexts) -> contexts.forEach((c, verdicts) -> cells.put(column(g, c), word(verdicts))));
        return new VariantCheck(result.target(), cells, result.syncs());
    }

    static String column(Guarantee g, Context context) {
        return g.name() + " " + context.wireName();
    }

    /** The worst verdict of the cell's faults: one fault that breaks it is enough to break it. */
    static String word(List<Verdict> verdicts) {
        if (verdicts.stream().anyMatch(v -> v.status() == Status.VIOLATED)) {
            return VIOLATED;
        }
        if (verdicts.stream().anyMatch(v -> v.status() == Status.NOT_CLAIMED && v.counterexample() != null)) {
            return BROKEN_UNCLAIMED;
        }
        if (verdicts.stream().anyMatch(v -> v.status() == Status.HELD)) {
            return HELD;
        }
        return verdicts.stream().anyMatch(v -> v.status() == Status.NOT_CLAIMED) ? KEPT_UNCLAIMED : NOT_APPLICABLE;
    }

    /**
     * The guarantees kept, e.g. "G1; G2; G3 (process-crash)": a guarantee kept in every context it was
     * judged in is its name alone, one kept in some is followed by those contexts.
     */
    String holds() {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        Map<String, Integer> judged = new LinkedHashMap<>();
        cells.forEach((column, word) -> {
            String g = column.substring(0, column.indexOf(' '));
            String context = column.substring(column.indexOf(' ') + 1);
            if (!word.equals(NOT_APPLICABLE)) {
                judged.merge(g, 1, Integer::sum);
            }
            if (word.equals(HELD) || word.equals(KEPT_UNCLAIMED)) {
                kept.computeIfAbsent(g, k -> new ArrayList<>()).add(context);
            }
        });
        List<String> out = new ArrayList<>();
        kept.forEach((g, contexts) -> out.add(contexts.size() == judged.get(g) ? g
                : g + " (" + String.join(", ", contexts) + ")"));
        return out.isEmpty() ? "none" : String.join("; ", out);
    }
}
