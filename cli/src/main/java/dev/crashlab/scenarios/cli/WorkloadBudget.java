package dev.crashlab.scenarios.cli;

import dev.crashlab.reports.Budget;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --budget}: at most so many workloads per target, given as a count or as a duration.
 *
 * <p>The engine has no clock of its own, and a deadline would make results depend on the machine
 * and break "the merge of the shards equals the unsharded run". So a duration becomes a workload
 * cap at a fixed rate: the same budget gives the same workloads everywhere. The rate is the full
 * default campaign's on a shared 2-core machine (every target running at once), so a run with
 * fewer targets (a shard) or on a faster machine finishes well within the duration.
 *
 * @param workloads the cap per target; 0 for none (the whole exhaustive enumeration)
 * @param duration  the duration it was derived from, or null when given as a count
 */
record WorkloadBudget(int workloads, Duration duration) {

    static final WorkloadBudget NONE = new WorkloadBudget(0, null);

    /** Workloads per target per second of wall time, measured on the full default campaign. */
    static final double WORKLOADS_PER_SECOND = 5.0;
    /** Wall time spent whatever the cap: JVM start, instrumentation, the corruption probe, the cache races. */
    static final Duration FIXED_COST = Duration.ofSeconds(10);

    static WorkloadBudget of(Duration d) {
        long usable = Math.max(0, d.minus(FIXED_COST).toMillis());
        int cap = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (long) (usable / 1000.0 * WORKLOADS_PER_SECOND)));
        return new WorkloadBudget(cap, d);
    }

    /** What report.json records: the cap, and the duration it came from when one was given. */
    Budget reportBudget() {
        if (workloads == 0) {
            return Budget.unbounded();
        }
        return new Budget(duration == null ? null : duration.toMillis(), null, (long) workloads);
    }

    String describe() {
        if (workloads == 0) {
            return "every workload within the bounds";
        }
        return duration == null ? "at most " + workloads + " workloads per target"
                : duration.toSeconds() + " s, taken as at most " + workloads + " workloads per target";
    }

    static final class Converter implements ITypeConverter<WorkloadBudget> {
        private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

        @Override
        public WorkloadBudget convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.matches("\\d{1,9}")) {
                int n = Integer.parseInt(v);
                if (n < 1) {
                    throw new TypeConversionException("'" + value + "' workloads leaves nothing to check; give at least 1, e.g. --budget 40");
                }
                return new WorkloadBudget(n, null);
            }
            Matcher m = DURATION.matcher(v);
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is neither a workload count nor a duration; write e.g. --budget 40 or --budget 2m");
            }
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
            if (d.isZero()) {
                throw new TypeConversionException("'" + value + "' is no time at all; give e.g. --budget 30s");
            }
            return of(d);
        }
    }
}
