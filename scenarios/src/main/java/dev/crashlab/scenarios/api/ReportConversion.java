package dev.crashlab.scenarios.api;

import dev.crashlab.reports.Budget;
import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Cell;
import dev.crashlab.reports.Counts;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Model;
import dev.crashlab.reports.TargetResult;
import dev.crashlab.scenarios.campaign.ReportAssembler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A user's target in the campaign's report: one report target per fault (a cell is unique per
 * guarantee and model within a target), never a seeded bug, so every violation fails the run.
 */
final class ReportConversion {

    private ReportConversion() {
    }

    static CampaignResult of(CrashResult result, Instant startedAt) {
        Map<String, List<Cell>> byTarget = new LinkedHashMap<>();
        long checks = 0;
        for (Verdict v : result.verdicts()) {
            checks += v.checks();
            byTarget.computeIfAbsent(v.targetId(), k -> new ArrayList<>()).add(new Cell(Guarantee.valueOf(v.guarantee().name()),
                    Model.fromWireName(v.context()), v.status(), v.checks(),
                    v.detectedAfterMs() < 0 ? null : v.detectedAfterMs(), v.counterexample()));
        }
        List<TargetResult> targets = byTarget.entrySet().stream()
                .map(e -> new TargetResult(e.getKey(), false, null, Set.of(), e.getValue(),
                        notesOf(e.getKey(), byTarget.keySet(), result.notes()))).toList();
        return CampaignResult.of(ReportAssembler.TOOL_VERSION, result.seed(), Budget.unbounded(), startedAt,
                result.durationMillis(), new Counts(targets.size(), result.crashPoints(), checks), targets, List.of());
    }

    /** The notes about one report target: each note goes to the target (name, or name under a fault) it begins with. */
    private static List<String> notesOf(String id, Set<String> ids, List<String> notes) {
        return notes.stream().filter(n -> ids.stream().filter(n::startsWith)
                .max(java.util.Comparator.comparingInt(String::length)).orElse("").equals(id)).toList();
    }
}
