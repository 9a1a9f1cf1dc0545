package dev.crashlab.benchmarks;

import dev.crashlab.reports.Estimate;

/**
 * One mean against another, said only as far as the spreads allow: two means whose 99.9%
 * intervals overlap are the same within noise, whatever their ratio, and without a spread on
 * both sides no difference is claimed at all.
 *
 * @param ratio       this / that, its error propagated from both
 * @param withinNoise the difference of the means is no larger than the sum of their half-widths
 * @param spreadKnown both means came with an error; otherwise nothing is judged
 */
record Spread(Estimate ratio, boolean withinNoise, boolean spreadKnown) {

    static final String SAME = "same within noise";

    static Spread of(Estimate mean, Estimate other) {
        boolean known = mean.error() != null && other.error() != null;
        boolean within = Math.abs(mean.value() - other.value()) <= mean.halfWidth() + other.halfWidth();
        return new Spread(mean.over(other), within, known);
    }

    /** A difference worth stating: measured on both sides and beyond the spread. */
    boolean differs() {
        return spreadKnown && !withinNoise;
    }

    /** "3.10 ± 0.20x", "same within noise (1.04 ± 0.09x)", or "2.10x (no spread measured: not judged)". */
    String describe() {
        if (!spreadKnown) {
            return Estimate.format(ratio.value()) + "x (no spread measured: not judged)";
        }
        return withinNoise ? SAME + " (" + ratio.describe() + "x)" : ratio.describe() + "x";
    }
}
