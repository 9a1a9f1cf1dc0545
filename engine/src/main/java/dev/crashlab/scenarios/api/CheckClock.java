package dev.crashlab.scenarios.api;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A user's check as time passes: the budget it may take ({@code --budget}), asked between crash
 * states and pause points, and the progress lines it prints while it runs, as the campaign prints
 * one per unit: the context being judged, the states judged so far and about how long is left.
 * Lines come at most every {@link #EVERY} and when a context ends, so a long check is never silent
 * and a short one prints little. Not thread-safe: the check's thread asks it.
 */
final class CheckClock {

    static final Duration EVERY = Duration.ofSeconds(5);

    private final java.util.function.LongSupplier nanoTime;
    private final long start;
    private final long budgetNanos;
    private final Consumer<String> progress;
    private final String target;
    private final int contexts;
    private int contextsDone;
    private String context = "";
    private double contextDone;
    private long judged;
    private long lastLine;
    private boolean ranOut;

    /**
     * @param budget   null for none
     * @param contexts how many contexts (fault x persistence model or concurrent reader) the check judges
     */
    CheckClock(String target, Duration budget, int contexts, Consumer<String> progress) {
        this(target, budget, contexts, progress, System::nanoTime);
    }

    /** @param nanoTime the clock: {@link System#nanoTime}, or a test's own, so that a budget runs out where it says */
    CheckClock(String target, Duration budget, int contexts, Consumer<String> progress,
               java.util.function.LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.lastLine = start;
        this.target = target;
        this.budgetNanos = budget == null ? Long.MAX_VALUE : budget.toNanos();
        this.contexts = Math.max(1, contexts);
        this.progress = progress;
    }

    static CheckClock silent(String target) {
        return new CheckClock(target, null, 1, line -> { });
    }

    /** Whether the budget has run out: what is left is not judged, and its cells say so. */
    boolean over() {
        if (!ranOut && budgetNanos != Long.MAX_VALUE && nanoTime.getAsLong() - start > budgetNanos) {
            ranOut = true;
            progress.accept(String.format(Locale.ROOT, "crashlab check: %s: the budget of %s ran out after %,d"
                    + " states judged; what is left is reported as not explored", target, seconds(budgetNanos), judged));
        }
        return ranOut;
    }

    void begin(String what) {
        context = what;
        contextDone = 0;
    }

    /** One more state or pause point judged, {@code done} of the current context behind it (0 to 1). */
    void judged(double done) {
        judged++;
        contextDone = Math.min(1, Math.max(0, done));
        long now = nanoTime.getAsLong();
        if (now - lastLine >= EVERY.toNanos()) {
            lastLine = now;
            progress.accept(line(now));
        }
    }

    void end() {
        contextsDone++;
        contextDone = 0;
        if (contextsDone < contexts && !ranOut) {
            long now = nanoTime.getAsLong();
            lastLine = now;
            progress.accept(line(now));
        }
    }

    /**
     * E.g. "crashlab check: many-files-300: weakest-posix (3 of 5): 41,230 states judged, 12 s so far,
     * about 9 s left". The time left is the pace so far applied to the contexts left, the current one
     * counted by how far it got: contexts differ in cost, so it is said as "about".
     */
    private String line(long now) {
        double done = contextsDone + contextDone;
        long elapsed = now - start;
        String left = done <= 0 ? "" : String.format(Locale.ROOT, ", about %s left",
                seconds((long) (elapsed * (contexts - done) / done)));
        return String.format(Locale.ROOT, "crashlab check: %s: %s (%d of %d): %,d states judged, %s so far%s", target,
                context, Math.min(contexts, contextsDone + 1), contexts, judged, seconds(elapsed), left);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.0f s", Math.max(nanos >= Long.MAX_VALUE ? 0 : 1, nanos / 1e9));
    }
}
