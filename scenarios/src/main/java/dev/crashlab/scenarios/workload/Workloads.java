package dev.crashlab.scenarios.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Exhaustive workload enumeration within {@link Bounds}, shortest and smallest first. */
public final class Workloads {

    private Workloads() {
    }

    /**
     * Every workload within the bounds that writes something, shortest first, and within a length
     * in alphabet order (so small values before large ones, put before clear). A campaign that
     * stops at the first violation has therefore already found a short counterexample.
     *
     * <p>Workloads are enumerated up to renaming keys: keys are interchangeable to a store (it
     * names files by a hash of the key), so {@code put(k2, a)} tells nothing {@code put(k1, a)}
     * does not. Only the workload whose keys first appear in the bounds' order is kept.
     */
    public static List<Workload> exhaustive(Bounds bounds) {
        List<Workload> out = new ArrayList<>();
        forEach(bounds, out::add);
        return out;
    }

    public static void forEach(Bounds bounds, Consumer<Workload> sink) {
        List<Step> alphabet = bounds.alphabet();
        for (int length = 1; length <= bounds.maxSteps(); length++) {
            int[] digits = new int[length];
            while (true) {
                List<Step> steps = new ArrayList<>(length);
                boolean writes = false;
                int large = 0;
                for (int d : digits) {
                    Step s = alphabet.get(d);
                    steps.add(s);
                    writes |= s.writtenKey() != null;
                    large += s.writtenValue() != null && s.writtenValue().size() > Bounds.LARGE ? 1 : 0;
                }
                if (writes && large <= bounds.maxLargeSteps() && !endsInReadOnlyTail(steps)
                        && keysInFirstUseOrder(steps, bounds.keys())) {
                    sink.accept(new Workload(steps));
                }
                if (!increment(digits, alphabet.size())) {
                    break;
                }
            }
        }
    }

    /** Whether the n-th distinct key the steps name is the bounds' n-th key: one workload per renaming. */
    private static boolean keysInFirstUseOrder(List<Step> steps, List<String> keys) {
        List<String> seen = new ArrayList<>();
        for (Step s : steps) {
            String k = s instanceof Step.Get g ? g.key() : s.writtenKey();
            if (k != null && !seen.contains(k)) {
                if (!k.equals(keys.get(seen.size()))) {
                    return false;
                }
                seen.add(k);
            }
        }
        return true;
    }

    /** Trailing gets add nothing a checker does not already read afterwards; skip them. */
    private static boolean endsInReadOnlyTail(List<Step> steps) {
        return steps.get(steps.size() - 1) instanceof Step.Get;
    }

    private static boolean increment(int[] digits, int base) {
        for (int i = digits.length - 1; i >= 0; i--) {
            if (++digits[i] < base) {
                return true;
            }
            digits[i] = 0;
        }
        return false;
    }
}
