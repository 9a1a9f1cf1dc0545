package dev.crashlab.scenarios.check;

import dev.crashlab.reports.Status;
import dev.crashlab.faults.crash.Provenance;
import dev.crashlab.reports.Guarantee;
import java.util.Objects;

/**
 * A checker's verdict on one crash state: what it saw, what the workload allowed, and how the
 * state came about, so a report can show the counterexample without re-running anything.
 *
 * @param guarantee  the guarantee judged
 * @param status     held, violated, or not claimed (broken, but the durability option never promised it), as graded
 * @param seen       what the checker observed, e.g. {@code k1: invalid entry (it is empty ...)}
 * @param allowed    what the workload allowed, e.g. {@code k1: absent or "v1"}
 * @param provenance how the crash state was reached
 */
public record CheckResult(Guarantee guarantee, Status status, String seen, String allowed, Provenance provenance) {

    public CheckResult {
        Objects.requireNonNull(guarantee, "guarantee");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(provenance, "provenance");
    }

    public boolean passed() {
        return status == Status.HELD;
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
