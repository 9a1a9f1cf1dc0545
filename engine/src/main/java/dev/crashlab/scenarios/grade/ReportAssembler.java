package dev.crashlab.scenarios.grade;

import dev.crashlab.faults.crash.Provenance;
import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.reports.Fates;
import dev.crashlab.reports.TornOp;
import dev.crashlab.reports.Budget;
import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Counts;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.TargetResult;
import dev.crashlab.reports.TraceOp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one conversion from graded verdicts to the reports module's result model, for the built-in
 * campaign and a user's targets alike: one report target per target and fault, one cell per verdict,
 * the counterexample as graded. The reports only print what it carries.
 */
public final class ReportAssembler {

    public static final String TOOL_VERSION = "0.1.0";

    private ReportAssembler() {
    }

    /** What the built-in campaign expects of one of its targets: a seeded bug's source and the guarantees it must break. */
    public record Expected(String seed, Set<Guarantee> guarantees) {
    }

    /**
     * The built-in campaign: a seeded bug's catalogued guarantees are its expected findings.
     *
     * @param workloads workloads run over all targets
     * @param catalog   what is expected of a target, by id; empty for a target that is no seeded bug
     */
    public static CampaignResult builtIn(long seed, List<Verdict> verdicts, long workloads, long crashPoints,
                                         long wallMillis, Instant startedAt,
                                         Function<String, Optional<Expected>> catalog) {
        return assemble(seed, verdicts, crashPoints, wallMillis, startedAt, targets -> workloads,
                (id, cells) -> {
                    Optional<Expected> entry = catalog.apply(id);
                    Set<Guarantee> expected = EnumSet.noneOf(Guarantee.class);
                    entry.ifPresent(en -> expected.addAll(en.guarantees()));
                    return new TargetResult(id, entry.isPresent(), entry.map(Expected::seed).orElse(null),
                            expected, cells);
                });
    }

    /**
     * A user's target: never a seeded bug, so every violation fails the run; each note goes to the
     * report target (the name, or the name under a fault) it begins with. Unseeded: a user target's
     * walk is its own exploration's, replayed from the target in hand, not from a campaign seed.
     */
    public static CampaignResult user(List<Verdict> verdicts, List<String> notes, long crashPoints,
                                      long durationMillis, Instant startedAt) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        verdicts.forEach(v -> ids.add(v.targetId()));
        return assemble(0, verdicts, crashPoints, durationMillis, startedAt, targets -> targets,
                (id, cells) -> new TargetResult(id, false, null, Set.of(), cells, notesOf(id, ids, notes))).unseeded();
    }

    private interface TargetMaker {
        TargetResult make(String id, List<dev.crashlab.reports.Cell> cells);
    }

    private static CampaignResult assemble(long seed, List<Verdict> verdicts, long crashPoints, long millis,
                                           Instant startedAt, java.util.function.LongUnaryOperator workloads,
                                           TargetMaker target) {
        Map<String, List<dev.crashlab.reports.Cell>> byTarget = new LinkedHashMap<>();
        long checks = 0;
        for (Verdict v : verdicts) {
            checks += v.checks();
            byTarget.computeIfAbsent(v.targetId(), k -> new ArrayList<>()).add(new dev.crashlab.reports.Cell(
                    v.guarantee(), v.context(), v.status(), v.checks(),
                    v.detectedAfterMs() < 0 ? null : v.detectedAfterMs(), v.counterexample()));
        }
        List<TargetResult> targets = new ArrayList<>();
        byTarget.forEach((id, cells) -> targets.add(target.make(id, cells)));
        return CampaignResult.of(TOOL_VERSION, seed, Budget.unbounded(), startedAt, millis,
                new Counts(workloads.applyAsLong(targets.size()), crashPoints, checks), targets, List.of());
    }

    private static List<String> notesOf(String id, Set<String> ids, List<String> notes) {
        return notes.stream().filter(n -> ids.stream().filter(n::startsWith)
                .max(Comparator.comparingInt(String::length)).orElse("").equals(id)).toList();
    }

    /** Which operations of the trace a crash state kept, lost or tore, as every report prints it. */
    public static Fates fates(Provenance p) {
        return new Fates(p.persisted(), p.dropped(), p.torn().entrySet().stream()
                .map(t -> new TornOp(t.getKey(), t.getValue().describe())).toList());
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
}
