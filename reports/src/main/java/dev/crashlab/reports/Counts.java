package dev.crashlab.reports;

/**
 * How much the campaign did. Summed when shard results are merged.
 *
 * @param workloads          workloads run
 * @param crashPoints        crash points visited over all traces
 * @param crashStatesChecked crash states (and reader pause points) judged by a checker
 */
public record Counts(long workloads, long crashPoints, long crashStatesChecked) {

    public Counts {
        if (workloads < 0 || crashPoints < 0 || crashStatesChecked < 0) {
            throw new IllegalArgumentException("negative count in " + workloads + "/" + crashPoints
                    + "/" + crashStatesChecked);
        }
    }

    public static Counts zero() {
        return new Counts(0, 0, 0);
    }

    public Counts plus(Counts other) {
        return new Counts(workloads + other.workloads, crashPoints + other.crashPoints,
                crashStatesChecked + other.crashStatesChecked);
    }
}
