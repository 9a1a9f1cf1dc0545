package dev.crashlab.benchmarks;

import java.util.Locale;

/**
 * A measured value and the half-width of its 99.9% confidence interval, as JMH reports it; error 0
 * when there is none (a percentile, a derived figure).
 */
public record Estimate(double value, double error) {

    public static Estimate exact(double value) {
        return new Estimate(value, 0);
    }

    /** The quotient, its error propagated from both relative errors (independent measurements). */
    public Estimate over(Estimate denominator) {
        double r = value / denominator.value;
        double rel = Math.hypot(relativeError(), denominator.relativeError());
        return new Estimate(r, Math.abs(r) * rel);
    }

    /** This estimate divided by a constant, e.g. a batch's time per entry. */
    public Estimate per(double n) {
        return new Estimate(value / n, error / n);
    }

    /** Events per second from a latency in microseconds (one thread, back to back). */
    public Estimate reciprocalPerSecond() {
        double r = 1e6 / value;
        return new Estimate(r, r * relativeError());
    }

    double relativeError() {
        return value == 0 ? 0 : Math.abs(error / value);
    }

    /** Three significant digits, enough for noisy figures and short enough for a table cell. */
    public String describe() {
        String v = format(value);
        return error > 0 && Double.isFinite(error) ? v + " ± " + format(error) : v;
    }

    static String format(double x) {
        double a = Math.abs(x);
        if (a >= 100 || a == 0) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        return a >= 10 ? String.format(Locale.ROOT, "%.1f", x) : String.format(Locale.ROOT, "%.2f", x);
    }
}
