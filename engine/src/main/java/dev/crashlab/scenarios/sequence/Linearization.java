package dev.crashlab.scenarios.sequence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The states two racing writers may leave, by the model: their steps merged in every order that
 * keeps each writer's own order and the real-time order (a step that ended before another began
 * comes before it), so a step in flight while the other writer ran may fall anywhere among that
 * writer's steps. A step the store failed may have failed before or after its effect, so it is
 * tried both taken and not. A model operation that throws refuses the step (a write-once conflict)
 * and changes nothing; where the store answered otherwise, the order disagrees with what the store
 * answered. Sequences are short: every order is tried.
 */
final class Linearization {

    /**
     * One way the race could have gone.
     *
     * @param disagreements each step whose answer the model gives otherwise than the store did
     */
    record Order(List<String> steps, Object view, List<String> disagreements) {

        boolean agrees() {
            return disagreements.isEmpty();
        }

        String describe() {
            String s = String.join(", ", steps) + ": " + view;
            return disagreements.isEmpty() ? s : s + " (but " + String.join("; ", disagreements) + ")";
        }
    }

    private Linearization() {
    }

    /** Every order of {@code writer}'s and {@code rival}'s steps, with what the model shows after it; distinct ones once. */
    static List<Order> of(List<RaceLog.Step> writer, List<RaceLog.Step> rival, Supplier<?> model,
                          Function<Object, ?> view) {
        Map<String, Order> distinct = new LinkedHashMap<>();
        for (List<RaceLog.Step> merged : merges(writer, rival)) {
            run(merged, List.of(), model, view, distinct);
        }
        return new ArrayList<>(distinct.values());
    }

    /** Whether the reader's finding is the view after one of {@code orders}; for G4, one the store's answers agree with. */
    static boolean allows(List<Order> orders, Object found, boolean answersToo) {
        return orders.stream().anyMatch(o -> (!answersToo || o.agrees()) && Objects.deepEquals(found, o.view()));
    }

    /** Every merge of the two writers' steps keeping each one's order and what ended before what began. */
    static List<List<RaceLog.Step>> merges(List<RaceLog.Step> a, List<RaceLog.Step> b) {
        List<List<RaceLog.Step>> out = new ArrayList<>();
        merge(a, 0, b, 0, new ArrayList<>(), out);
        return out;
    }

    private static void merge(List<RaceLog.Step> a, int i, List<RaceLog.Step> b, int j, List<RaceLog.Step> so,
                              List<List<RaceLog.Step>> out) {
        if (i == a.size() && j == b.size()) {
            out.add(List.copyOf(so));
            return;
        }
        // a step may go next unless one of the other writer's remaining steps ended before it began
        if (i < a.size() && (j == b.size() || b.get(j).ended() > a.get(i).began())) {
            so.add(a.get(i));
            merge(a, i + 1, b, j, so, out);
            so.remove(so.size() - 1);
        }
        if (j < b.size() && (i == a.size() || a.get(i).ended() > b.get(j).began())) {
            so.add(b.get(j));
            merge(a, i, b, j + 1, so, out);
            so.remove(so.size() - 1);
        }
    }

    /**
     * Runs one merge on a fresh model, {@code taken} deciding the failed steps met so far; at the first
     * failed step not decided yet, tries it not taken, then taken. Taken and refused by the model is
     * the same as not taken, so only a failed step the model would take doubles the orders.
     */
    private static void run(List<RaceLog.Step> merged, List<Boolean> taken, Supplier<?> model, Function<Object, ?> view,
                            Map<String, Order> into) {
        Object m = model.get();
        List<String> steps = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        int decided = 0;
        for (RaceLog.Step s : merged) {
            if (s.threw()) {
                if (decided == taken.size()) {
                    run(merged, with(taken, false), model, view, into);
                    run(merged, with(taken, true), model, view, into);
                    return;
                }
                if (!taken.get(decided++)) {
                    steps.add(s.label() + " (failed, no effect)");
                } else if (SequenceTarget.applied(s.model(), m, s.args())) {
                    steps.add(s.label() + " (failed after its effect)");
                } else {
                    return; // refused: the order where it was not taken says the same
                }
            } else if (SequenceTarget.applied(s.model(), m, s.args())) {
                steps.add(s.label());
            } else {
                steps.add(s.label());
                disagreements.add("the model refuses " + s.label() + ", which returned");
            }
        }
        Order o = new Order(steps, view.apply(m), disagreements);
        into.putIfAbsent(o.steps() + "=" + o.view() + o.disagreements(), o);
    }

    private static List<Boolean> with(List<Boolean> taken, boolean next) {
        List<Boolean> out = new ArrayList<>(taken);
        out.add(next);
        return out;
    }
}
