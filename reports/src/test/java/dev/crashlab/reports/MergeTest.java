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
                    n == 1 ? null : new Shard(shard + 1, n), whole.startedAt().plusMillis(shard), whole.durationMillis() - shard, part, targets,
                    whole.benchmarks(), whole.environments()));
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

    /** Shards are run on several machines: the merge says where each part ran, each place once. */
    @Test
    void shardsRunInDifferentEnvironmentsMergeKeepingEachOnceInShardOrder() {
        List<CampaignResult> shards = shard(SampleResults.failing(), 3);
        Environment other = new Environment("Oracle Corporation", "25+36", "Linux", "6.8.0", "aarch64", "/tmp", "ext4");
        CampaignResult merged = Reports.merge(List.of(shards.get(2), shards.get(1).ranIn(other), shards.get(0)));
        assertEquals(List.of(SampleResults.ENVIRONMENT, other), merged.environments());
        assertEquals(SampleResults.failing().targets(), merged.targets(), "the verdicts do not depend on where they ran");
    }

    @Test
    void aWholeRunMergedWithAnythingIsRefusedBecauseItWouldCountTwice() {
        CampaignResult whole = SampleResults.failing();
        ReportException e = assertThrows(ReportException.class, () -> Reports.merge(List.of(whole, whole)));
        assertTrue(e.getMessage().contains("report 1 is a whole campaign (run without --shard)"), e.getMessage());
    }

    @Test
    void aDuplicateShardIsRefusedNamingIt() {
        List<CampaignResult> shards = shard(SampleResults.failing(), 3);
        ReportException e = assertThrows(ReportException.class,
                () -> Reports.merge(List.of(shards.get(0), shards.get(1), shards.get(1))));
        assertEquals("cannot merge: reports 2 and 3 are both shard 2/3; give each shard's report once", e.getMessage());
    }

    @Test
    void theShardsMissingFromASplitAreNamed() {
        List<CampaignResult> shards = shard(SampleResults.failing(), 4);
        assertEquals("[2/4, 3/4, 4/4]", Reports.missingShards(List.of(shards.get(0))).toString());
        assertEquals("[3/4]", Reports.missingShards(List.of(shards.get(3), shards.get(1), shards.get(0))).toString());
        assertEquals(List.of(), Reports.missingShards(shards));
        assertEquals(List.of(), Reports.missingShards(List.of(SampleResults.failing())), "a whole run misses nothing");
    }

    @Test
    void shardsOfTwoSplitsAreRefused() {
        CampaignResult a = shard(SampleResults.failing(), 2).get(0);
        CampaignResult b = shard(SampleResults.failing(), 3).get(1);
        ReportException e = assertThrows(ReportException.class, () -> Reports.merge(List.of(a, b)));
        assertTrue(e.getMessage().contains("report 1 is shard 1/2 but report 2 is shard 2/3"), e.getMessage());
    }

    @Test
    void shardsRunWithDifferentBudgetsAreRefusedNamingTheBudgets() {
        List<CampaignResult> shards = shard(SampleResults.failing(), 2);
        CampaignResult other = shards.get(1).ranAs(new Budget(null, null, 40L), shards.get(1).shard());
        ReportException e = assertThrows(ReportException.class, () -> Reports.merge(List.of(shards.get(0), other)));
        assertEquals("cannot merge: report 2 ran with budget at most 40 workloads per target but report 1 with "
                + shards.get(0).budget().describe() + "; run every shard with the same --budget", e.getMessage());
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
        ReportException e = assertThrows(ReportException.class, () -> Reports.merge(List.of(
                whole.ranAs(whole.budget(), new Shard(1, 2)), other.ranAs(other.budget(), new Shard(2, 2)))));
        assertTrue(e.getMessage().contains("reference/FILE_AND_DIRECTORY G1/process-crash"), e.getMessage());
    }

    @Test
    void shardsOfDifferentCampaignsAreRefused() {
        CampaignResult a = SampleResults.passing();
        CampaignResult b = new CampaignResult(a.schemaVersion(), a.toolVersion(), a.seed() + 1, a.budget(),
                a.startedAt(), a.durationMillis(), a.counts(), a.targets(), a.benchmarks());
        ReportException e = assertThrows(ReportException.class, () -> Reports.merge(List.of(a, b)));
        assertTrue(e.getMessage().contains("report 2 ran with seed") && e.getMessage().contains("the same --seed"),
                e.getMessage());
        assertThrows(ReportException.class, () -> Reports.merge(List.of()));
    }

    @Test
    void aTargetDescribedDifferentlyIsRefused() {
        TargetResult plain = SampleResults.target("x").claims(Guarantee.G1).build();
        TargetResult seeded = SampleResults.target("x").seeded("001", Guarantee.G1).claims(Guarantee.G2).build();
        ReportException e = assertThrows(ReportException.class, () -> Reports.merge(List.of(
                SampleResults.result(List.of(plain), List.of()).ranAs(Budget.unbounded(), new Shard(1, 2)),
                SampleResults.result(List.of(seeded), List.of()).ranAs(Budget.unbounded(), new Shard(2, 2)))));
        assertTrue(e.getMessage().contains("target x"), e.getMessage());
    }
}
