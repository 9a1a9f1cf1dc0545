package dev.crashlab.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Combines the results of the shards of one campaign ({@code --shard i/n}) into the result the
 * unsharded campaign would have produced: cells are unioned, counts summed. Shards of different
 * campaigns, or two shards that disagree about the same cell, are refused with a message naming the
 * difference, because a silently wrong merged report is worse than none.
 */
final class Merger {

    private Merger() {
    }

    static CampaignResult merge(List<CampaignResult> shards) {
        if (shards.isEmpty()) {
            throw new ReportException("nothing to merge: no shard results given");
        }
        CampaignResult first = shards.get(0);
        for (int i = 1; i < shards.size(); i++) {
            sameCampaign(first, shards.get(i), i);
        }
        Instant start = first.startedAt();
        Instant end = first.startedAt().plusMillis(first.durationMillis());
        Counts counts = Counts.zero();
        Map<String, TargetResult> targets = new LinkedHashMap<>();
        LinkedHashSet<BenchmarkRow> benchmarks = new LinkedHashSet<>();
        for (CampaignResult shard : shards) {
            Instant shardEnd = shard.startedAt().plusMillis(shard.durationMillis());
            start = shard.startedAt().isBefore(start) ? shard.startedAt() : start;
            end = shardEnd.isAfter(end) ? shardEnd : end;
            counts = counts.plus(shard.counts());
            for (TargetResult t : shard.targets()) {
                targets.merge(t.id(), t, Merger::mergeTarget);
            }
            benchmarks.addAll(shard.benchmarks());
        }
        return new CampaignResult(first.schemaVersion(), first.toolVersion(), first.seed(), first.budget(),
                start, end.toEpochMilli() - start.toEpochMilli(), counts, List.copyOf(targets.values()),
                List.copyOf(benchmarks));
    }

    private static void sameCampaign(CampaignResult a, CampaignResult b, int index) {
        same("schemaVersion", a.schemaVersion(), b.schemaVersion(), index);
        same("toolVersion", a.toolVersion(), b.toolVersion(), index);
        same("seed", a.seed(), b.seed(), index);
        same("budget", a.budget(), b.budget(), index);
    }

    private static void same(String field, Object a, Object b, int index) {
        if (!Objects.equals(a, b)) {
            throw new ReportException("cannot merge: shard " + (index + 1) + " has " + field + " " + b
                    + " but shard 1 has " + a + "; shards must come from one campaign");
        }
    }

    private static TargetResult mergeTarget(TargetResult a, TargetResult b) {
        if (a.seededBug() != b.seededBug() || !Objects.equals(a.source(), b.source())
                || !a.expectedViolations().equals(b.expectedViolations())) {
            throw new ReportException("cannot merge: target " + Text.label(a.id())
                    + " is described differently by two shards (seeded bug, source or expected violations)");
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        List<Cell> all = new ArrayList<>(a.cells());
        all.addAll(b.cells());
        for (Cell c : all) {
            Cell earlier = cells.putIfAbsent(c.key(), c);
            if (earlier != null && !earlier.equals(c)) {
                throw new ReportException("cannot merge: two shards disagree about " + Text.label(a.id())
                        + " " + c.key() + " (" + earlier.status().wireName() + ", " + earlier.statesExplored()
                        + " states vs " + c.status().wireName() + ", " + c.statesExplored() + " states)");
            }
        }
        return new TargetResult(a.id(), a.seededBug(), a.source(), a.expectedViolations(),
                List.copyOf(cells.values()));
    }
}
