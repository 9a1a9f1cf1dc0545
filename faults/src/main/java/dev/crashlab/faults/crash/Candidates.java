package dev.crashlab.faults.crash;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Picks which candidates of a crash space to build: all of them under the bound, otherwise the
 * ALICE-style passes and a seeded sample (see {@link Exploration}). A candidate is an array with
 * one outcome index per choice; the array is reused between calls, so sinks must not keep it.
 */
final class Candidates {

    interface Sink {
        void accept(int[] picks, String exploration);
    }

    private Candidates() {
    }

    static void forEach(CrashSpace space, Exploration exploration, Sink sink) {
        List<Choice> choices = space.choices();
        int[] picks = new int[choices.size()];
        long size = space.size();
        if (size <= exploration.exhaustiveBound()) {
            for (long k = 0; k < size; k++) {
                sink.accept(picks, "exhaustive");
                increment(picks, choices);
            }
            return;
        }
        SplittableRandom random = new SplittableRandom(exploration.seed() * 0x9E3779B97F4A7C15L + space.crashPoint());
        sink.accept(picks, "all persisted");
        singleDeviations(choices, picks, exploration, random, sink);
        String tag = "sampled, seed " + exploration.seed();
        for (int s = 0; s < exploration.samples(); s++) {
            for (int c = 0; c < picks.length; c++) {
                picks[c] = random.nextInt(choices.get(c).size());
            }
            sink.accept(picks, tag);
        }
    }

    /** Every candidate one choice away from "all persisted"; a seeded sample of them past the bound. */
    private static void singleDeviations(List<Choice> choices, int[] picks, Exploration exploration,
                                         SplittableRandom random, Sink sink) {
        long count = choices.stream().mapToLong(c -> c.size() - 1).sum();
        if (count <= exploration.exhaustiveBound()) {
            for (int c = 0; c < picks.length; c++) {
                for (int o = 1; o < choices.get(c).size(); o++) {
                    picks[c] = o;
                    sink.accept(picks, "omit/tear one");
                }
                picks[c] = 0;
            }
            return;
        }
        String tag = "omit/tear one, sampled, seed " + exploration.seed();
        for (int s = 0; s < exploration.exhaustiveBound(); s++) {
            int c = random.nextInt(picks.length);
            picks[c] = 1 + random.nextInt(choices.get(c).size() - 1);
            sink.accept(picks, tag);
            picks[c] = 0;
        }
    }

    private static void increment(int[] picks, List<Choice> choices) {
        for (int c = picks.length - 1; c >= 0; c--) {
            if (++picks[c] < choices.get(c).size()) {
                return;
            }
            picks[c] = 0;
        }
    }
}
