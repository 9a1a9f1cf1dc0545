package dev.crashlab.scenarios.campaign;

import dev.crashlab.scenarios.target.Context;

import dev.crashlab.faults.crash.Provenance;
import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.reports.Budget;
import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Counts;
import dev.crashlab.reports.CrashPoint;
import dev.crashlab.reports.CrashPosition;
import dev.crashlab.reports.Model;
import dev.crashlab.reports.TargetResult;
import dev.crashlab.reports.TornOp;
import dev.crashlab.reports.TraceOp;
import dev.crashlab.scenarios.target.Guarantee;
import dev.crashlab.scenarios.workload.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a campaign's verdicts into the reports module's result model. */
public final class ReportAssembler {

    public static final String TOOL_VERSION = "0.1.0";

    private ReportAssembler() {
    }

    public static CampaignResult toReport(dev.crashlab.scenarios.campaign.CampaignResult result, Instant startedAt) {
        Map<String, List<Verdict>> byTarget = new LinkedHashMap<>();
        for (Verdict v : result.verdicts()) {
            byTarget.computeIfAbsent(v.cell().target(), k -> new ArrayList<>()).add(v);
        }
        List<TargetResult> targets = new ArrayList<>();
        long checks = 0;
        for (Map.Entry<String, List<Verdict>> e : byTarget.entrySet()) {
            List<dev.crashlab.reports.Cell> cells = new ArrayList<>();
            for (Verdict v : e.getValue()) {
                checks += v.checks();
                cells.add(new dev.crashlab.reports.Cell(dev.crashlab.reports.Guarantee.valueOf(v.cell().guarantee().name()),
                        Model.fromWireName(v.cell().context()), status(v.status()), v.checks(),
                        v.detectedAfterMs() < 0 ? null : v.detectedAfterMs(),
                        v.counterexample() == null ? null : counterexample(v.counterexample()).explainedBy(v.vulnerability())));
            }
            var entry = Catalog.entry(e.getKey());
            Set<dev.crashlab.reports.Guarantee> expected = EnumSet.noneOf(dev.crashlab.reports.Guarantee.class);
            entry.ifPresent(en -> en.guarantees().forEach(g -> expected.add(dev.crashlab.reports.Guarantee.valueOf(g.name()))));
            targets.add(new TargetResult(e.getKey(), entry.isPresent(), entry.map(Catalog.Entry::seed).orElse(null),
                    expected, cells));
        }
        long workloads = result.workloads().values().stream().mapToLong(Integer::longValue).sum();
        return CampaignResult.of(TOOL_VERSION, result.seed(), Budget.unbounded(), startedAt, result.wallMillis(),
                new Counts(workloads, result.totalCrashPoints(), checks), targets, List.of());
    }

    private static dev.crashlab.reports.Status status(Status s) {
        return switch (s) {
            case HELD -> dev.crashlab.reports.Status.HELD;
            case VIOLATED -> dev.crashlab.reports.Status.VIOLATED;
            case NOT_CLAIMED -> dev.crashlab.reports.Status.NOT_CLAIMED;
            case NOT_APPLICABLE -> dev.crashlab.reports.Status.NOT_APPLICABLE;
        };
    }

    static dev.crashlab.reports.Counterexample counterexample(Counterexample cx) {
        List<TraceOp> trace = cx.trace() == null ? List.of() : cx.trace().ops().stream().map(ReportAssembler::traceOp).toList();
        CrashPoint point = crashPoint(cx);
        dev.crashlab.reports.Provenance provenance = cx.provenance() == null ? null : provenance(cx.provenance(), cx.trace());
        List<String> steps = cx.workload().steps().stream().map(Step::toString).toList();
        String saw = cx.seen() + (cx.stateLeft().isEmpty() ? "" : "\nstate left on disk:\n" + cx.stateLeft())
                + (cx.notes().isEmpty() ? "" : "\n" + cx.notes());
        return new dev.crashlab.reports.Counterexample(cx.seed(), cx.fault(), steps, trace, point, provenance, saw,
                List.of(cx.allowed()), cx.site());
    }

    private static CrashPoint crashPoint(Counterexample cx) {
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

    private static dev.crashlab.reports.Provenance provenance(Provenance p, IoTrace trace) {
        List<TornOp> torn = p.torn().entrySet().stream()
                .map(t -> new TornOp(t.getKey(), t.getValue().describe())).collect(Collectors.toList());
        return new dev.crashlab.reports.Provenance(p.persisted(), p.dropped(), torn);
    }

    /** One numbered line of a counterexample's trace, as every report prints it. */
    public static TraceOp traceOp(IoOp op) {
        String path = op.path().isEmpty() ? "." : op.path();
        if (op.target() != null) {
            path += " -> " + (op.target().isEmpty() ? "." : op.target());
        }
        String detail = switch (op.kind()) {
            case WRITE -> "@" + op.offset() + " +" + op.length() + " bytes" + (op.durable() ? " (sync)" : "");
            case TRUNCATE -> "to " + op.length() + " bytes";
            case MOVE -> op.atomic() ? "ATOMIC_MOVE" : null;
            default -> null;
        };
        return new TraceOp(op.index(), op.kind().name(), path, detail, op.site());
    }

    /** Guarantees of the scenarios vocabulary, for callers that only know the report's. */
    static Guarantee guarantee(dev.crashlab.reports.Guarantee g) {
        return Guarantee.valueOf(g.name());
    }
}
