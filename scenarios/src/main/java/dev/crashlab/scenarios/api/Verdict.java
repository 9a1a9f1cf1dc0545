package dev.crashlab.scenarios.api;

import dev.crashlab.reports.Counterexample;
import dev.crashlab.reports.Model;
import dev.crashlab.reports.Status;
import dev.crashlab.reports.Vulnerability;
import dev.crashlab.scenarios.target.Guarantee;

/**
 * One guarantee judged in one context (a persistence model, or the concurrent reader) under one
 * fault, for one target.
 *
 * @param target          the target's name
 * @param fault           the environment: "no fault", or the fault plan, e.g. "refuse ATOMIC_MOVE"
 * @param context         a persistence model's name, or "concurrent-reader" for G1
 * @param checks          crash states or pause points judged
 * @param counterexample  the first breaking scenario found: set when violated, and when broken but
 *                        not claimed (shown as the price of not claiming it); null otherwise
 * @param detectedAfterMs from the start of the check to the counterexample, or -1
 */
public record Verdict(String target, String fault, Guarantee guarantee, String context, Status status, long checks,
                      Counterexample counterexample, long detectedAfterMs) {

    /** Why the counterexample exists and the fix crashlab verified; null without one, or where no class explains it. */
    public Vulnerability vulnerability() {
        return counterexample == null ? null : counterexample.vulnerability();
    }

    /** The fault of the fault-free run, as {@code FaultPlan.none()} names itself. */
    public static final String NO_FAULT = "no fault";

    /** The report's target id: the name, with the fault when there is one. */
    public String targetId() {
        return fault.equals(NO_FAULT) ? target : target + " under " + fault;
    }

    /** E.g. "G2 crash atomicity, ext4-like: violated", or "..., ext4-like, under refuse ATOMIC_MOVE: violated". */
    public String title() {
        return guarantee + " " + guarantee.title() + ", " + context + (fault.equals(NO_FAULT) ? "" : ", under " + fault)
                + ": " + status.wireName();
    }

    /** The title, then the counterexample as a failing test prints it, or why nothing was judged. */
    public String describe() {
        StringBuilder out = new StringBuilder(target).append(' ').append(title()).append('\n');
        if (counterexample != null) {
            out.append(counterexample.describe(Model.fromWireName(context)));
        } else if (status == Status.NOT_APPLICABLE) {
            out.append("nothing to judge: the writer did not return under this fault, so no write was acknowledged")
                    .append('\n');
        } else {
            out.append(checks).append(" check(s) passed\n");
        }
        return out.toString();
    }
}
