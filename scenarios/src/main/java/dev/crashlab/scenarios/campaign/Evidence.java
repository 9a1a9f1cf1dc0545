package dev.crashlab.scenarios.campaign;

import dev.crashlab.faults.crash.Provenance;
import dev.crashlab.scenarios.grade.CellKey;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.reports.CrashPoint;
import dev.crashlab.reports.CrashPosition;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.TraceOp;
import dev.crashlab.scenarios.grade.ReportAssembler;
import dev.crashlab.scenarios.workload.Step;
import java.util.List;
import dev.crashlab.scenarios.workload.Workload;

/**
 * What a probe found when a guarantee broke, with the live objects it came from (the workload, the
 * recorded trace, how the crash state came about): the explain stage and the shrinking test need
 * those. The grade stage keeps one per cell and turns it into the report's {@link
 * dev.crashlab.reports.Counterexample}, the one form every printer reads ({@link #toCounterexample}).
 *
 * @param trace      the recorded trace, or null where the fault had none (a race)
 * @param point      operations that had happened at the crash or pause; -1 when not applicable
 * @param paused     true when the writer was paused at {@code point} rather than crashed
 * @param provenance how a crash state came about; null without one
 * @param stateLeft  the files left on disk, or ""
 * @param notes      anything else worth reading (a step history, a race), or ""
 */
record Evidence(CellKey cell, Workload workload, String fault, IoTrace trace, int point, boolean paused,
                             Provenance provenance, String stateLeft, String seen, String allowed, String site,
                             String seed, String notes) {

    /** Workload steps: the matrix test asserts counterexamples stay small. */
    public int steps() {
        return workload.size();
    }

    /** The report's counterexample: the one form every printer reads. */
    dev.crashlab.reports.Counterexample toCounterexample() {
        Evidence cx = this;
        List<TraceOp> trace = cx.trace() == null ? List.of() : cx.trace().ops().stream().map(ReportAssembler::traceOp).toList();
        CrashPoint point = crashPoint(cx);
        dev.crashlab.reports.Fates provenance = cx.provenance() == null ? null : ReportAssembler.fates(cx.provenance());
        List<String> steps = cx.workload().steps().stream().map(Step::toString).toList();
        String saw = cx.seen() + (cx.stateLeft().isEmpty() ? "" : "\nstate left on disk:\n" + cx.stateLeft())
                + (cx.notes().isEmpty() ? "" : "\n" + cx.notes());
        return new dev.crashlab.reports.Counterexample(cx.seed(), cx.fault(), steps, trace, point, provenance, saw,
                List.of(cx.allowed()), cx.site());
    }

    private static CrashPoint crashPoint(Evidence cx) {
        if (cx.point() < 0 || cx.trace() == null || cx.trace().size() == 0) {
            return null;
        }
        if (cx.paused()) {
            int at = Math.min(cx.point(), cx.trace().size() - 1);
            return new CrashPoint(at, cx.point() < cx.trace().size() ? CrashPosition.BEFORE : CrashPosition.AFTER,
                    cx.cell().context().equals(Context.RACE) ? "writer paused, a second writer ran" : "writer paused, reader ran");
        }
        if (cx.point() == 0) {
            return new CrashPoint(0, CrashPosition.BEFORE, cx.fault());
        }
        return new CrashPoint(cx.point() - 1, CrashPosition.AFTER, cx.fault());
    }

}
