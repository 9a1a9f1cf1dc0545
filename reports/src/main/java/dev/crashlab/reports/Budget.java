package dev.crashlab.reports;

/**
 * The limit the campaign ran under; null components are unbounded.
 *
 * @param timeMillis         the duration asked for; a run is never stopped by a clock, the duration
 *                           is turned into {@code workloadsPerTarget}
 * @param states             crash-state limit
 * @param workloadsPerTarget at most so many workloads per target, shortest first
 */
public record Budget(Long timeMillis, Long states, Long workloadsPerTarget) {

    public Budget(Long timeMillis, Long states) {
        this(timeMillis, states, null);
    }

    public static Budget unbounded() {
        return new Budget(null, null, null);
    }

    // Not public: Jackson would write it as a field.
    boolean isUnbounded() {
        return timeMillis == null && states == null && workloadsPerTarget == null;
    }

    /** For every rendering: what was skipped is as much a part of the result as what was checked. */
    public String describe() {
        if (isUnbounded()) {
            return "unbounded (every workload within the bounds)";
        }
        StringBuilder out = new StringBuilder();
        if (workloadsPerTarget != null) {
            out.append("at most ").append(workloadsPerTarget).append(" workloads per target");
            if (timeMillis != null) {
                out.append(" (from ").append(Durations.format(timeMillis)).append(")");
            }
        } else if (timeMillis != null) {
            out.append(Durations.format(timeMillis));
        }
        if (states != null) {
            out.append(out.length() > 0 ? ", " : "").append(states).append(" states");
        }
        return out.toString();
    }
}
