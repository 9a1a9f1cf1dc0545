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

    /** More failed steps than this are not tried both ways: 2^n orders each. */
    private static final int MOST_UNCERTAIN = 10;

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
            List<RaceLog.Step> uncertain = merged.stream().filter(RaceLog.Step::threw).toList();
            int tries = uncertain.size() > MOST_UNCERTAIN ? 1 : 1 << uncertain.size();
            for (int taken = 0; taken < tries; taken++) {
                Order o = run(merged, uncertain, taken, model, view);
                distinct.putIfAbsent(o.steps() + "=" + o.view() + o.disagreements(), o);
            }
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

    private static Order run(List<RaceLog.Step> merged, List<RaceLog.Step> uncertain, int taken, Supplier<?> model,
                             Function<Object, ?> view) {
        Object m = model.get();
        List<String> steps = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        for (RaceLog.Step s : merged) {
            int bit = uncertain.indexOf(s);
            if (s.threw() && (bit < 0 || bit >= MOST_UNCERTAIN || (taken & (1 << bit)) == 0)) {
                steps.add(s.label() + " (failed, no effect)");
                continue;
            }
            try {
                s.model().apply(m, s.args());
                steps.add(s.label() + (s.threw() ? " (failed after its effect)" : ""));
            } catch (Exception refused) {
                steps.add(s.label() + (s.threw() ? " (failed)" : ""));
                if (!s.threw()) {
                    disagreements.add("the model refuses " + s.label() + ", which returned");
                }
            }
        }
        return new Order(steps, view.apply(m), disagreements);
    }
}
