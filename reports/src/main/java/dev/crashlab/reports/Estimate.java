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

    String describe() {
        String v = String.format(Locale.ROOT, "%.1f", value);
        return error == null ? v : v + " ± " + String.format(Locale.ROOT, "%.1f", error);
    }
}
