package dev.crashlab.reports;

import java.util.Locale;

/**
 * A measured value with its error: the half-width of JMH's 99.9% confidence interval, or none (a
 * single percentile sample, a figure derived from one). The benchmarks compute with it and the
 * reports print it, in one form.
 *
 * @param error null when the measurement has none
 */
public record Estimate(double value, Double error) {

    public Estimate {
        if (!Double.isFinite(value) || (error != null && !Double.isFinite(error))) {
            // JSON has no NaN or infinity; refusing here beats a report.json nobody can read.
            throw new IllegalArgumentException("estimate " + value + " ± " + error + " is not finite");
        }
    }

    /** As JMH reports it: its error is NaN when a run had too few iterations to have one. */
    public static Estimate measured(double value, double error) {
        return new Estimate(value, Double.isFinite(error) && error > 0 ? error : null);
    }

    public static Estimate exact(double value) {
        return new Estimate(value, null);
    }

    /** The error, 0 when there is none. */
    public double halfWidth() {
        return error == null ? 0 : error;
    }

    /** The quotient, its error propagated from both relative errors (independent measurements). */
    public Estimate over(Estimate denominator) {
        double r = value / denominator.value;
        double rel = Math.hypot(relativeError(), denominator.relativeError());
        return measured(r, Math.abs(r) * rel);
    }

    /** This estimate divided by a constant, e.g. a batch's time per entry. */
    public Estimate per(double n) {
        return measured(value / n, halfWidth() / n);
    }

    /** This estimate multiplied by a constant, e.g. operations per call. */
    public Estimate times(double n) {
        return measured(value * n, halfWidth() * n);
    }

    /** Events per second from a latency in microseconds (one thread, back to back). */
    public Estimate reciprocalPerSecond() {
        double r = 1e6 / value;
        return measured(r, r * relativeError());
    }

    public double relativeError() {
        return value == 0 ? 0 : Math.abs(halfWidth() / value);
    }

    /** "14.2 ± 0.6", "70,400 ± 2,100", "1.23 ± 0.05": three significant digits, enough for noisy figures. */
    public String describe() {
        return error == null || error == 0 ? format(value) : format(value) + " \u00b1 " + format(error);
    }

    public static String format(double x) {
        double a = Math.abs(x);
        if (a >= 100 || a == 0) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        return a >= 10 ? String.format(Locale.ROOT, "%.1f", x) : String.format(Locale.ROOT, "%.2f", x);
    }
}
