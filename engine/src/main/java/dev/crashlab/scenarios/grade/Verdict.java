package dev.crashlab.scenarios.grade;

import dev.crashlab.reports.Counterexample;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Status;
import dev.crashlab.reports.Vulnerability;

/**
 * One guarantee judged in one context under one fault, for one target: what the grade stage
 * decided, and all that any printer reads. The campaign and a user's check both end in these.
 *
 * @param cell            target x guarantee x context
 * @param fault           the environment: {@link #NO_FAULT}, or the fault plan, e.g. "refuse ATOMIC_MOVE"
 * @param status          as {@link Grading#grade} decided it
 * @param checks          crash states or pause points judged
 * @param counterexample  the first breaking scenario found: set when violated, and when broken but
 *                        not claimed (shown as the price of not claiming it); null otherwise. A
 *                        violated one carries the vulnerability that explains it, when one does.
 * @param detectedAfterMs from the start of the target's check to the counterexample, or -1
 */
public record Verdict(CellKey cell, String fault, Status status, long checks, Counterexample counterexample,
                      long detectedAfterMs) {

    /** The fault of the fault-free run, as {@code FaultPlan.none()} names itself. */
    public static final String NO_FAULT = "no fault";

    public String target() {
        return cell.target();
    }

    public Guarantee guarantee() {
        return cell.guarantee();
    }

    public Context context() {
        return cell.context();
    }

    /** Why the counterexample exists and the fix crashlab verified; null without one, or where no class explains it. */
    public Vulnerability vulnerability() {
        return counterexample == null ? null : counterexample.vulnerability();
    }

    /** The report's target id: the name, with the fault when there is one. */
    public String targetId() {
        return fault.equals(NO_FAULT) ? target() : target() + " under " + fault;
    }

    /** E.g. "G2 crash atomicity, ext4-like: violated", or "..., ext4-like, under refuse ATOMIC_MOVE: violated". */
    public String title() {
        return guarantee() + " " + guarantee().title() + ", " + context() + (fault.equals(NO_FAULT) ? "" : ", under " + fault)
                + ": " + status.wireName();
    }

    /** The title, then the counterexample as a failing test prints it, or why nothing was judged. */
    public String describe() {
        StringBuilder out = new StringBuilder(target()).append(' ').append(title()).append('\n');
        if (counterexample != null) {
            out.append(counterexample.describe(context()));
        } else if (status == Status.NOT_APPLICABLE) {
            out.append("nothing to judge: the writer did not return under this fault, so no write was acknowledged")
                    .append('\n');
        } else {
            out.append(checks).append(" check(s) passed\n");
        }
        return out.toString();
    }
}
