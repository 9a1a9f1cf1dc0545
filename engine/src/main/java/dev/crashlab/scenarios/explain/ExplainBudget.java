package dev.crashlab.scenarios.explain;

import java.time.Duration;

/**
 * How long the explain stage may take in one check, so that a verdict is never held back by its
 * explanation. Verifying a fix re-explores and re-judges an edited trace, which can cost as much
 * as the check itself (a 1 MiB value written through a small buffer: hundreds of thousands of
 * candidate states); the verdict is already known by then. Each finding gets at most
 * {@code perFinding}, and all of them together about {@code share} of the time the check spent
 * judging, though never less than a {@linkplain #FLOOR floor} per finding, so that a finding early
 * in a check still gets a fair try. When the time runs out the fix is reported as not explained
 * within the budget: neither verified nor refuted.
 *
 * <p>Time, not states, is what is budgeted, because a user waits for time; an explanation cut
 * short may therefore differ between a fast machine and a slow one, which the report says. The
 * verdicts and counterexamples never depend on it. Not thread-safe: one per check.
 */
public final class ExplainBudget {

    /** Explaining may take about half the time the check spent judging. */
    static final double SHARE = 0.5;
    /** Never less than this per finding, within {@code perFinding}. */
    static final Duration FLOOR = Duration.ofSeconds(1);
    /** Never more than this per finding. */
    static final Duration PER_FINDING = Duration.ofSeconds(5);

    private final double share;
    private final long floorNanos;
    private final long perFindingNanos;
    private final long started = System.nanoTime();
    private long spentNanos;

    private ExplainBudget(double share, long floorNanos, long perFindingNanos) {
        this.share = share;
        this.floorNanos = floorNanos;
        this.perFindingNanos = perFindingNanos;
    }

    /**
     * The budget of a user's check, counted from now: half its judging time, 1 s to 5 s per finding;
     * or, with {@code -Dcrashlab.explainBudget=unlimited}, none: every fix judged to the end, for
     * runs whose explanations must not depend on the machine's speed (the study's table).
     */
    public static ExplainBudget forCheck() {
        String asked = System.getProperty(PROPERTY);
        if (asked == null || asked.isBlank()) {
            return of(SHARE, FLOOR, PER_FINDING);
        }
        if (asked.strip().equals("unlimited")) {
            return unlimited();
        }
        throw new IllegalArgumentException("-D" + PROPERTY + "=" + asked + ": the one value it takes is 'unlimited'"
                + " (leave it out for the default: half the check's judging time, 1 s to 5 s per finding)");
    }

    /** The system property that lifts the budget. */
    public static final String PROPERTY = "crashlab.explainBudget";

    /**
     * @param share      of the time spent judging (not explaining) since this budget was made
     * @param floor      each finding's least allowance, whatever the share says
     * @param perFinding each finding's greatest allowance
     */
    public static ExplainBudget of(double share, Duration floor, Duration perFinding) {
        if (share < 0 || floor.isNegative() || perFinding.isNegative()) {
            throw new IllegalArgumentException("an explanation budget is not negative");
        }
        return new ExplainBudget(share, Math.min(floor.toNanos(), perFinding.toNanos()), perFinding.toNanos());
    }

    /** No limit: every fix is judged to the end (the built-in campaign, whose explanations are small and fixed). */
    public static ExplainBudget unlimited() {
        return new ExplainBudget(0, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /** Starts explaining one finding; what it may spend is fixed now. */
    Allowance allow() {
        long now = System.nanoTime();
        long judging = now - started - spentNanos;
        long fromShare = (long) (share * judging) - spentNanos;
        return new Allowance(now, Math.min(perFindingNanos, Math.max(floorNanos, fromShare)));
    }

    /** One finding's time: asked between candidate states, and charged to the check's budget when done. */
    final class Allowance {
        private final long start;
        private final long nanos;

        private Allowance(long start, long nanos) {
            this.start = start;
            this.nanos = nanos;
        }

        boolean over() {
            return System.nanoTime() - start > nanos;
        }

        void done() {
            spentNanos += System.nanoTime() - start;
        }

        /**
         * What the report says of a fix whose judging this allowance cut short: no count of states
         * or seconds, which would differ from one run to the next while everything else is equal.
         */
        String exhausted() {
            return "judging the edited trace ran out of this finding's share of the check's time before every"
                    + " crash state was judged, none failing so far; the verdict stands; whether the fix holds is not known";
        }
    }
}
