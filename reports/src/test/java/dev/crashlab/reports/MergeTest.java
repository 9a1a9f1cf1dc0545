package dev.crashlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeTest {

    /** Splits a result the way {@code --shard i/n} does: every cell to exactly one shard. */
    private static List<CampaignResult> shard(CampaignResult whole, int n) {
        List<CampaignResult> shards = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int shard = i;
            List<TargetResult> targets = new ArrayList<>();
            int[] position = {0};
            for (TargetResult t : whole.targets()) {
                List<Cell> mine = new ArrayList<>();
                for (Cell c : t.cells()) {
                    if (position[0]++ % n == shard) {
                        mine.add(c);
                    }
                }
                if (!mine.isEmpty()) {
                    targets.add(new TargetResult(t.id(), t.seededBug(), t.source(), t.expectedViolations(), mine));
                }
            }
            Counts c = whole.counts();
            Counts part = shard == 0
                    ? new Counts(c.workloads() - (n - 1), c.crashPoints() - (n - 1), c.crashStatesChecked() - (n - 1))
                    : new Counts(1, 1, 1);
            shards.add(new CampaignResult(whole.schemaVersion(), whole.toolVersion(), whole.seed(), whole.budget(),
                    whole.startedAt().plusMillis(shard), whole.durationMillis() - shard, part, targets,
                    whole.benchmarks()));
        }
        return shards;
    }

    @Test
    void mergingTheShardsGivesTheUnshardedResult() {
        CampaignResult whole = SampleResults.failing();
        for (int n : new int[] {1, 2, 3, 7}) {
            List<CampaignResult> shards = shard(whole, n);
            assertEquals(whole, Reports.merge(shards), n + " shards");
            List<CampaignResult> reversed = new ArrayList<>(shards);
            java.util.Collections.reverse(reversed);
            assertEquals(whole, Reports.merge(reversed), n + " shards in another order");
        }
    }

    @Test
    void mergingAMergedResultWithItselfChangesNothingButTheCounts() {
        CampaignResult whole = SampleResults.failing();
        CampaignResult twice = Reports.merge(List.of(whole, whole));
        assertEquals(whole.targets(), twice.targets());
        assertEquals(whole.counts().plus(whole.counts()), twice.counts());
        assertEquals(whole.benchmarks(), twice.benchmarks());
    }

    @Test
    void twoShardsThatDisagreeAboutACellAreRefusedNamingTheCell() {
        CampaignResult whole = SampleResults.passing();
        TargetResult ref = whole.targets().get(0);
        List<Cell> changed = new ArrayList<>(ref.cells());
        Cell first = changed.get(0);
        changed.set(0, new Cell(first.guarantee(), first.model(), first.status(), first.statesExplored() + 1,
                null, null));
        CampaignResult other = SampleResults.result(List.of(new TargetResult(ref.id(), false, null, null, changed)),
                List.of());
        ReportException e = assertThrows(ReportException.class, () -> Reports.merge(List.of(whole, other)));
        assertTrue(e.getMessage().contains("reference/FILE_AND_DIRECTORY G1/process-crash"), e.getMessage());
    }

    @Test
    void shardsOfDifferentCampaignsAreRefused() {
        CampaignResult a = SampleResults.passing();
        CampaignResult b = new CampaignResult(a.schemaVersion(), a.toolVersion(), a.seed() + 1, a.budget(),
                a.startedAt(), a.durationMillis(), a.counts(), a.targets(), a.benchmarks());
        ReportException e = assertThrows(ReportException.class, () -> Reports.merge(List.of(a, b)));
        assertTrue(e.getMessage().contains("shard 2 has seed"), e.getMessage());
        assertThrows(ReportException.class, () -> Reports.merge(List.of()));
    }

    @Test
    void aTargetDescribedDifferentlyIsRefused() {
        TargetResult plain = SampleResults.target("x").claims(Guarantee.G1).build();
        TargetResult seeded = SampleResults.target("x").seeded("001", Guarantee.G1).claims(Guarantee.G2).build();
        ReportException e = assertThrows(ReportException.class, () -> Reports.merge(List.of(
                SampleResults.result(List.of(plain), List.of()), SampleResults.result(List.of(seeded), List.of()))));
        assertTrue(e.getMessage().contains("target x"), e.getMessage());
    }
}
