package dev.crashlab.reports;

import java.util.Locale;

/**
 * A measured value with its error (e.g. JMH's 99.9% confidence half-width).
 *
 * @param error null when the measurement has none (a single percentile sample)
 */
public record Estimate(double value, Double error) {

    public Estimate {
        if (!Double.isFinite(value) || (error != null && !Double.isFinite(error))) {
            // JSON has no NaN or infinity; refusing here beats a report.json nobody can read.
            throw new IllegalArgumentException("estimate " + value + " ± " + error + " is not finite");
        }
    }

    /** "14.2 ± 0.6", "70,400 ± 2,100": a decimal only where it carries information. */
    String describe() {
        return error == null ? number(value) : number(value) + " \u00b1 " + number(error);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f" : "%.1f", v);
    }
}
