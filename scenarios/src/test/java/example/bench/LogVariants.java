package example.bench;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import example.bench.RecordLog.Durability;
import java.util.List;

// docs: variants
public class LogVariants implements CrashTargetProvider {
    static final List<String> RECORDS = List.of("r1", "r2", "r3");

    @Override
    public CrashTarget target() {                        // what crashlab check checks: the option you ship
        return variants().get(0);
    }

    @Override
    public List<CrashTarget> variants() {                // what crashlab bench prices, side by side
        return List.of(
                log("log/fsync-per-record", Durability.FSYNC_PER_RECORD)
                        .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3).build(),
                log("log/group-commit", Durability.GROUP_COMMIT)
                        .claims(Guarantee.G1, Guarantee.G3)
                        .claimsUnder(Guarantee.G2, "process-crash", "ordered", "ext4-like").build(), // unsynced appends may reorder
                log("log/none", Durability.NONE)
                        .claims(Guarantee.G1)
                        .claimsUnder(Guarantee.G2, "process-crash", "ordered", "ext4-like")
                        .claimsUnder(Guarantee.G3, "process-crash").build()); // durable only where the page cache survives
    }

    private static CrashTarget.Builder log(String name, Durability durability) {
        return CrashTarget.builder(name)
                .setUp(RecordLog::create)
                .writer(root -> {
                    try (RecordLog log = RecordLog.open(root, durability)) {
                        for (String record : RECORDS) {
                            log.append(record);
                            if (durability != Durability.GROUP_COMMIT) {
                                CrashTarget.ack(record);     // append returned: the caller was told "stored"
                            }
                        }
                        log.commit();
                        if (durability == Durability.GROUP_COMMIT) {
                            RECORDS.forEach(CrashTarget::ack);
                        }
                    }
                })
                .oracle(RecordLog::read, "a prefix of r1, r2, r3 holding every record acknowledged",
                        (List<String> found, CrashTarget.Acknowledged acked) -> found.size() <= RECORDS.size()
                                && RECORDS.subList(0, found.size()).equals(found)
                                && found.containsAll(acked.labels()));
    }
}
// docs: end
