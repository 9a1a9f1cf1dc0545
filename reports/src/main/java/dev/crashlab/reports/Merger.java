package dev.crashlab.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Combines the results of the shards of one campaign ({@code --shard i/n}) into the result the
 * unsharded campaign would have produced: cells are unioned, counts summed. Shards of different
 * campaigns, or two shards that disagree about the same cell, are refused with a message naming the
 * difference, because a silently wrong merged report is worse than none. Shards may run on different
 * machines (that is what sharding is for): the verdicts do not depend on where they ran, so a merge
 * keeps each distinct environment once, in shard order, rather than refusing or picking one.
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
        distinctShards(shards);
        Instant start = first.startedAt();
        Instant end = first.startedAt().plusMillis(first.durationMillis());
        Counts counts = Counts.zero();
        Map<String, TargetResult> targets = new LinkedHashMap<>();
        LinkedHashSet<BenchmarkRow> benchmarks = new LinkedHashSet<>();
        LinkedHashSet<Environment> environments = new LinkedHashSet<>();
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
        // in shard order, so that the merge does not depend on the order the reports were given in
        shards.stream().sorted(java.util.Comparator.comparingInt(r -> r.shard() == null ? 0 : r.shard().index()))
                .forEach(r -> environments.addAll(r.environments()));
        // A complete merge is the whole campaign; an incomplete one keeps no shard either, but
        // missing() has said so before anyone reads it.
        return new CampaignResult(first.schemaVersion(), first.toolVersion(), first.seed(), first.budget(), null,
                start, end.toEpochMilli() - start.toEpochMilli(), counts, List.copyOf(targets.values()),
                List.copyOf(benchmarks), List.copyOf(environments));
    }

    /** The shards of the split that none of the results covers, in order; empty when all are there. */
    static List<Shard> missing(List<CampaignResult> results) {
        Set<Integer> present = new TreeSet<>();
        int count = 0;
        for (CampaignResult r : results) {
            if (r.shard() != null) {
                present.add(r.shard().index());
                count = r.shard().count();
            }
        }
        List<Shard> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!present.contains(i)) {
                missing.add(new Shard(i, count));
            }
        }
        return missing;
    }

    /** Each shard of one split at most once, and no whole run beside shards: either counts targets twice. */
    private static void distinctShards(List<CampaignResult> results) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            Shard s = results.get(i).shard();
            Shard first = results.get(0).shard();
            if (s == null || first == null) {
                if (results.size() > 1) {
                    throw new ReportException("cannot merge: report " + (s == null ? i + 1 : 1) + " is a whole campaign "
                            + "(run without --shard), so merging it with other reports would count its targets twice; "
                            + "merge only the reports of 'check --shard i/n'");
                }
                continue;
            }
            if (s.count() != first.count()) {
                throw new ReportException("cannot merge: report 1 is shard " + first + " but report " + (i + 1) + " is shard "
                        + s + "; merge the shards of one split, all run with the same --shard .../n");
            }
            Integer earlier = seen.putIfAbsent(s.toString(), i + 1);
            if (earlier != null) {
                throw new ReportException("cannot merge: reports " + earlier + " and " + (i + 1) + " are both shard " + s
                        + "; give each shard's report once");
            }
        }
    }

    private static void sameCampaign(CampaignResult a, CampaignResult b, int index) {
        same("schema version", a.schemaVersion(), b.schemaVersion(), index, "write them all with one crashlab version");
        same("crashlab version", a.toolVersion(), b.toolVersion(), index, "run every shard with one crashlab version");
        same("seed", a.seed(), b.seed(), index, "run every shard with the same --seed");
        same("budget", a.budget().describe(), b.budget().describe(), index, "run every shard with the same --budget");
    }

    private static void same(String field, Object a, Object b, int index, String fix) {
        if (!Objects.equals(a, b)) {
            throw new ReportException("cannot merge: report " + (index + 1) + " ran with " + field + " " + b
                    + " but report 1 with " + a + "; " + fix);
        }
    }

    private static TargetResult mergeTarget(TargetResult a, TargetResult b) {
        if (a.seededBug() != b.seededBug() || !Objects.equals(a.source(), b.source())
                || !a.expectedViolations().equals(b.expectedViolations())) {
            throw new ReportException("cannot merge: target " + Printable.label(a.id())
                    + " is described differently by two shards (seeded bug, source or expected violations)");
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        List<Cell> all = new ArrayList<>(a.cells());
        all.addAll(b.cells());
        for (Cell c : all) {
            Cell earlier = cells.putIfAbsent(c.key(), c);
            if (earlier != null && !earlier.equals(c)) {
                throw new ReportException("cannot merge: two shards disagree about " + Printable.label(a.id())
                        + " " + c.key() + " (" + earlier.status().wireName() + ", " + earlier.statesExplored()
                        + " states vs " + c.status().wireName() + ", " + c.statesExplored() + " states)");
            }
        }
        List<String> notes = new ArrayList<>(a.notes());
        b.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        return new TargetResult(a.id(), a.seededBug(), a.source(), a.expectedViolations(),
                List.copyOf(cells.values()), notes);
    }
}
