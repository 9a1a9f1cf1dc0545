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
                for (int d : digits) {
                    Step s = alphabet.get(d);
                    steps.add(s);
                    writes |= s.writtenKey() != null;
                }
                if (writes && !endsInReadOnlyTail(steps)) {
                    sink.accept(new Workload(steps));
                }
                if (!increment(digits, alphabet.size())) {
                    break;
                }
            }
        }
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
