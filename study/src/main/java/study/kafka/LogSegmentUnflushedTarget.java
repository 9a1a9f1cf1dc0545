package study.kafka;

import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import dev.crashlab.reports.Guarantee;
import java.util.List;
import study.Log;

/**
 * The same appends under Kafka's default flush policy (log.flush.interval.messages unset): an append
 * is acknowledged once it is in the page cache, and Kafka's documentation leaves durability against
 * a power failure to replication. A single broker claims it against a process crash only.
 */
public class LogSegmentUnflushedTarget implements CrashTargetProvider {

    @Override
    public CrashTarget target() {
        return CrashTarget.builder("kafka-log-append")
                .writer(root -> LogSegmentTarget.append(root, false))
                .oracle(LogSegmentTarget::recover, Log.describe(LogSegmentTarget.RECORDS, 0),
                        Log.oracle(LogSegmentTarget.RECORDS, 0))
                .claims(Guarantee.G1, Guarantee.G2)
                .claimsUnder(Guarantee.G3, "process-crash")
                .notMine("org.apache.kafka.")
                .build();
    }
}
