package dev.crashlab.scenarios.sequence;

import dev.crashlab.reports.Budget;
import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Counts;
import dev.crashlab.reports.Status;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.grade.CellKey;
import dev.crashlab.scenarios.grade.ReplayToken;
import dev.crashlab.scenarios.grade.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link Sequences} check found: how many sequences it checked within which budget, and the
 * first failing one, shrunk.
 *
 * @param checked         sequences checked before it stopped (the failing one included, not the shrinking)
 * @param exhaustiveChecked of them, how many were of the bounded-exhaustive part
 * @param timeBudgetMillis null without a time budget
 * @param stoppedBy       why the walk ended: every sequence checked, a budget, or a failing sequence
 * @param merged          every sequence that passed, merged into one verdict per guarantee x context x fault
 * @param failure         null when every sequence checked passed
 */
public record SequenceResult(String name, long seed, long checked, long exhaustiveChecked, int exhaustiveUpTo,
                             int maxLength, long sequenceBudget, Long timeBudgetMillis, String stoppedBy,
                             long durationMillis, CrashResult merged, Failure failure) {

    /** {@link #stoppedBy()} when the walk ended with no budget reached and nothing failing. */
    public static final String EVERY_SEQUENCE = "every sequence checked";

    /**
     * The first failing sequence, as found and shrunk.
     *
     * @param found        the sequence as generated
     * @param minimal      the sequence shrunk: no single step can be removed or lowered and still fail
     * @param random       whether it was found by the random part (else by the exhaustive one)
     * @param shrinkChecks sequences checked while shrinking
     * @param replay       the token of the minimal sequence's counterexample at the earliest crash
     *                     point ({@code kv+put-0-0+compact:0:ext4-like:2}); it names the sequence
     * @param result       the minimal sequence's result, each counterexample listing the sequence;
     *                     null when the store threw with no fault injected
     * @param error        why the minimal sequence could not be checked, or null
     */
    public record Failure(List<String> found, List<String> minimal, boolean random, int shrinkChecks, String replay,
                          CrashResult result, String error) {
        public Failure {
            found = List.copyOf(found);
            minimal = List.copyOf(minimal);
        }
    }

    public boolean passedAll() {
        return failure == null;
    }

    public Optional<Failure> failed() {
        return Optional.ofNullable(failure);
    }

    /** What was checked, then the failure: its sequence, its seed, its replay token and counterexample. */
    public String describe() {
        StringBuilder out = new StringBuilder(name).append(": ").append(checked).append(" sequence(s) checked (")
                .append(exhaustiveChecked).append(" of every sequence of up to ").append(exhaustiveUpTo)
                .append(" steps, ").append(checked - exhaustiveChecked).append(" random ones of up to ").append(maxLength)
                .append(", seed ").append(seed).append(") in ").append(durationMillis).append(" ms; stopped by ")
                .append(stoppedBy).append('\n');
        if (failure == null) {
            return out.append("every sequence held every claimed guarantee\n").toString();
        }
        out.append("failing sequence (").append(failure.random() ? "random, seed " + seed : "exhaustive").append("): ")
                .append(String.join(", ", failure.found())).append('\n')
                .append("shrunk to (").append(failure.shrinkChecks()).append(" checks): ")
                .append(String.join(", ", failure.minimal())).append('\n')
                .append("replay: ").append(failure.replay()).append('\n');
        if (failure.error() != null) {
            return out.append(failure.error()).append('\n').toString();
        }
        earliest(failure.result()).ifPresent(v -> out.append('\n').append(v.describe()));
        return out.toString();
    }

    /**
     * For report.json, HTML, Markdown and JUnit XML: the minimal failing sequence's verdicts (or the
     * merged verdicts of the sequences that passed), with the sequence budget recorded as the
     * campaign records its workload budget, and the sequences checked as its workloads.
     */
    public CampaignResult toReport(Instant startedAt) {
        CrashResult shown = failure != null && failure.result() != null ? failure.result() : merged;
        CampaignResult r = shown.toReport(startedAt);
        return CampaignResult.of(r.toolVersion(), seed, new Budget(timeBudgetMillis, null, sequenceBudget), startedAt,
                durationMillis, new Counts(checked, r.counts().crashPoints(), r.counts().crashStatesChecked()),
                r.targets(), r.benchmarks());
    }

    /** The violation at the earliest crash point (then the first in the result's order). */
    static Optional<Verdict> earliest(CrashResult r) {
        return r.violations().stream().filter(v -> v.counterexample() != null)
                .min(Comparator.comparingInt(v -> ReplayToken.parse(v.counterexample().seed(), false).ordinal()));
    }

    /** The sequences that passed as one result: per guarantee x context x fault, the first that was not held, else held with every check counted. */
    static CrashResult merge(String name, List<CrashResult> results, long seed) {
        Map<String, Verdict> cells = new LinkedHashMap<>();
        long crashPoints = 0;
        long millis = 0;
        for (CrashResult r : results) {
            crashPoints += r.crashPoints();
            millis += r.durationMillis();
            for (Verdict v : r.verdicts()) {
                String key = v.guarantee() + "/" + v.context() + "/" + v.fault();
                Verdict was = cells.get(key);
                Verdict renamed = new Verdict(new CellKey(name, v.guarantee(), v.context()), v.fault(), v.status(),
                        v.checks() + (was == null ? 0 : was.checks()), v.counterexample(), v.detectedAfterMs());
                if (was == null || was.status() == Status.HELD && v.status() != Status.HELD) {
                    cells.put(key, renamed);
                } else {
                    cells.put(key, new Verdict(was.cell(), was.fault(), was.status(), renamed.checks(),
                            was.counterexample(), was.detectedAfterMs()));
                }
            }
        }
        return new CrashResult(name, new ArrayList<>(cells.values()), List.of(), seed, millis, crashPoints, -1);
    }
}
