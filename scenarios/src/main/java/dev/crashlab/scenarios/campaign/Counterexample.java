package dev.crashlab.scenarios.campaign;

import dev.crashlab.faults.crash.Provenance;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.scenarios.workload.Workload;

/**
 * The smallest scenario found that breaks a guarantee, in the form a person can act on: the
 * workload, the fault and where it struck, the numbered I/O trace with the crash or pause point
 * marked, how the state came about and what it left on disk, what the reader saw against what was
 * allowed, the target's source line, and the token that replays it.
 *
 * @param trace      the recorded trace, or null where the fault had none (a race)
 * @param point      operations that had happened at the crash or pause; -1 when not applicable
 * @param paused     true when the writer was paused at {@code point} rather than crashed
 * @param provenance how a crash state came about; null without one
 * @param stateLeft  the files left on disk, or ""
 * @param notes      anything else worth reading (a step history, a race), or ""
 */
public record Counterexample(Cell cell, Workload workload, String fault, IoTrace trace, int point, boolean paused,
                             Provenance provenance, String stateLeft, String seen, String allowed, String site,
                             String seed, String notes) {

    /** Workload steps: the matrix test asserts counterexamples stay small. */
    public int steps() {
        return workload.size();
    }

    /** As every report prints it (one printer for the campaign, the API, JUnit and replay), under a title line. */
    public String describe() {
        return describe(null);
    }

    /** With the vulnerability that explains it, printed first. */
    public String describe(dev.crashlab.reports.Vulnerability why) {
        return cell.target() + " " + cell.guarantee() + " under " + cell.context() + "\n"
                + ReportAssembler.counterexample(this).explainedBy(why)
                        .describe(dev.crashlab.reports.Model.fromWireName(cell.context()));
    }
}
