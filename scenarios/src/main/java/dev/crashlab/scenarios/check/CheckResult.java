package dev.crashlab.scenarios.check;

import dev.crashlab.faults.crash.Provenance;
import dev.crashlab.store.Durability.Guarantee;
import java.util.Objects;

/**
 * A checker's verdict on one crash state: what it saw, what the workload allowed, and how the
 * state came about, so a report can show the counterexample without re-running anything.
 *
 * @param guarantee  the guarantee judged
 * @param status     PASS, VIOLATED, or NOT_CLAIMED (broken, but the durability option never promised it)
 * @param seen       what the checker observed, e.g. {@code k1: invalid entry (it is empty ...)}
 * @param allowed    what the workload allowed, e.g. {@code k1: absent or "v1"}
 * @param provenance how the crash state was reached
 */
public record CheckResult(Guarantee guarantee, Status status, String seen, String allowed, Provenance provenance) {

    public enum Status { PASS, VIOLATED, NOT_CLAIMED }

    public CheckResult {
        Objects.requireNonNull(guarantee, "guarantee");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(provenance, "provenance");
    }

    public boolean passed() {
        return status == Status.PASS;
    }

    /** e.g. {@code G3 VIOLATED: seen k1: absent; allowed k1: "v1" -- weakest-posix, crash after #3: ...}. */
    public String describe() {
        return guarantee + " " + status + ": seen " + seen + "; allowed " + allowed + " -- " + provenance.summary();
    }

    @Override
    public String toString() {
        return describe();
    }
}
