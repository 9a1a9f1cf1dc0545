package dev.crashlab.scenarios.check;

import dev.crashlab.faults.crash.Provenance;
import dev.crashlab.faults.trace.Snapshot;
import dev.crashlab.store.Durability.Guarantee;
import java.nio.file.Path;

/**
 * One crash state ready to judge: materialized at {@code root}, with how it came about, what the
 * workload expected, and the store's contents before the workload (for collateral damage).
 */
public record CrashCase(Path root, Provenance provenance, Expectations expected, Snapshot before) {

    int crashPoint() {
        return provenance.crashPoint();
    }

    /** A state of the process-crash model is what the page cache held; every other model is a power failure. */
    boolean powerFailure() {
        return !provenance.model().equals("process-crash");
    }

    CheckResult pass(Guarantee g, String seen, String allowed) {
        return new CheckResult(g, CheckResult.Status.PASS, seen, allowed, provenance);
    }

    /** A broken guarantee is a violation only if the durability option claims it. */
    CheckResult broken(Guarantee g, String seen, String allowed) {
        CheckResult.Status status = expected.durability().claims(g) ? CheckResult.Status.VIOLATED
                : CheckResult.Status.NOT_CLAIMED;
        return new CheckResult(g, status, seen, allowed, provenance);
    }
}
