package dev.crashlab.reports;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one campaign (or the merge of its shards) found: the root of report.json.
 *
 * @param schemaVersion  {@link #SCHEMA_VERSION} when written by this code
 * @param toolVersion    the crashlab version that ran the campaign
 * @param seed           the campaign seed; a string in JSON, see {@link Counterexample#seed()}. Null for
 *                       a check of a user's targets, whose walk is not seeded (their replay tokens
 *                       carry no seed): a seed printed there would be one nothing can be re-run with
 * @param budget         the limit it ran under
 * @param shard          the part of an n-way split it covers; null for the whole campaign
 * @param startedAt      when it started
 * @param durationMillis how long it ran (for a merge, first start to last end)
 * @param counts         how much it did
 * @param targets        kept in a canonical order (targets under test first, then seeded bugs,
 *                       each by id) so a merge of shards equals the unsharded result
 * @param benchmarks     optional "guarantee vs cost" rows
 * @param environments   where it ran: one for a check, each distinct one of its shards for a merge (in
 *                       shard order), none for a report written before crashlab recorded it
 */
// the environment beside the version, before what the run did, for a person reading the file
@JsonPropertyOrder({"schemaVersion", "toolVersion", "environments", "seed", "budget", "shard", "startedAt",
        "durationMillis", "counts", "targets", "benchmarks"})
public record CampaignResult(
        int schemaVersion,
        String toolVersion,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long seed,
        Budget budget,
        Shard shard,
        Instant startedAt,
        long durationMillis,
        Counts counts,
        List<TargetResult> targets,
        List<BenchmarkRow> benchmarks,
        List<Environment> environments) {

    /** Bump on any change a reader of an older report.json could misread; merge refuses mixes. */
    public static final int SCHEMA_VERSION = 2;

    static final Comparator<TargetResult> TARGET_ORDER =
            Comparator.comparing(TargetResult::seededBug).thenComparing(TargetResult::id);

    public CampaignResult {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(startedAt, "startedAt");
        budget = budget == null ? Budget.unbounded() : budget;
        counts = counts == null ? Counts.zero() : counts;
        targets = targets == null ? List.of() : targets.stream().sorted(TARGET_ORDER).toList();
        benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
        environments = environments == null ? List.of() : List.copyOf(environments);
        if (durationMillis < 0) {
            throw new IllegalArgumentException("durationMillis " + durationMillis + " is negative");
        }
        Set<String> ids = new HashSet<>();
        for (TargetResult t : targets) {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException("two targets have the id " + t.id());
            }
        }
    }

    /** A result of the whole campaign (no shard). */
    public CampaignResult(int schemaVersion, String toolVersion, long seed, Budget budget, Instant startedAt,
                          long durationMillis, Counts counts, List<TargetResult> targets, List<BenchmarkRow> benchmarks) {
        this(schemaVersion, toolVersion, seed, budget, null, startedAt, durationMillis, counts, targets, benchmarks,
                List.of());
    }

    /** The same result, recorded as having run under this budget and as this shard (null: the whole campaign). */
    public CampaignResult ranAs(Budget budget, Shard shard) {
        return new CampaignResult(schemaVersion, toolVersion, seed, budget, shard, startedAt, durationMillis, counts,
                targets, benchmarks, environments);
    }

    /** The same result, recorded as having run in this environment. */
    public CampaignResult ranIn(Environment environment) {
        return new CampaignResult(schemaVersion, toolVersion, seed, budget, shard, startedAt, durationMillis, counts,
                targets, benchmarks, List.of(environment));
    }

    /** The same result without a seed: a check of a user's targets, which are not seeded. */
    public CampaignResult unseeded() {
        return new CampaignResult(schemaVersion, toolVersion, null, budget, shard, startedAt, durationMillis, counts,
                targets, benchmarks, environments);
    }

    /** False for a check of a user's targets: no seed, and no campaign, to speak of in its reports. */
    public boolean seeded() {
        return seed != null;
    }

    /** A result of the current schema version. */
    public static CampaignResult of(String toolVersion, long seed, Budget budget, Instant startedAt,
                                    long durationMillis, Counts counts, List<TargetResult> targets,
                                    List<BenchmarkRow> benchmarks) {
        return new CampaignResult(SCHEMA_VERSION, toolVersion, seed, budget, startedAt,
                durationMillis, counts, targets, benchmarks);
    }

    /**
     * True when seeded bugs were run beside the targets (the built-in campaign): only then do
     * expected findings, and the time it took to catch each, mean anything.
     */
    public boolean hasSeededBugs() {
        return targets.stream().anyMatch(TargetResult::seededBug);
    }

    /**
     * "shard 2/4" or "whole campaign": every rendering of the campaign says which part of it it shows.
     * Empty for a check of a user's targets, which is no campaign and is never split.
     */
    public String scope() {
        return shard != null ? "shard " + shard + " only" : seeded() ? "whole campaign" : "";
    }

    /** Violated cells that are not expected findings of a seeded bug: what fails a CI run. */
    public long violations() {
        return targets.stream().mapToLong(t -> t.cells().stream()
                .filter(c -> c.status() == Status.VIOLATED && !t.isExpectedFinding(c)).count()).sum();
    }

    /** Seeded-bug violations that were catalogued: proof the checks catch what they should. */
    public long expectedFindings() {
        return targets.stream().mapToLong(t -> t.cells().stream()
                .filter(t::isExpectedFinding).count()).sum();
    }

    /** Seeded bugs' catalogued guarantees that no check caught: each one is a broken check. */
    public long missedFindings() {
        return targets.stream().mapToLong(t -> t.missedFindings().size()).sum();
    }

    /** Cells a time budget cut short with nothing broken: neither held nor violated. */
    public long incomplete() {
        return targets.stream().mapToLong(t -> t.cells().stream().filter(c -> c.status() == Status.INCOMPLETE).count()).sum();
    }

    /** True when CI should pass: no unexpected violation, no missed finding, and nothing left unexplored. */
    public boolean passed() {
        return violations() == 0 && missedFindings() == 0 && incomplete() == 0;
    }
}
