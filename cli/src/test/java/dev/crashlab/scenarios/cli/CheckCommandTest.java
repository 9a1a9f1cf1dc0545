package dev.crashlab.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Environment;
import dev.crashlab.faults.crash.Roots;
import dev.crashlab.reports.Cell;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Reports;
import dev.crashlab.reports.Status;
import dev.crashlab.reports.TargetResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check, merge, report and replay end to end, on a budget of one workload and a few contexts so
 * the class takes seconds: the point is the command line's contract; the campaign's own tests
 * prove the engine.
 */
class CheckCommandTest {

    /** A store target, a seeded bug and the cache protocols: three units, two with counterexamples. */
    static final String TARGETS = "reference/FILE_AND_DIRECTORY,stream-to-final,cache-ahead";
    /** A persistence model, the paused-writer reader, a live run and a race. */
    static final String MODELS = "process-crash,concurrent-reader,live,race";

    @TempDir
    static Path tmp;
    static Path whole;
    static Cli wholeRun;

    @BeforeAll
    static void checkTheWhole() {
        whole = tmp.resolve("whole");
        wholeRun = check(whole);
    }

    @Test
    void checkWritesFourReportsPrintsTheSummaryAndPasses() throws Exception {
        assertEquals(0, wholeRun.code(), wholeRun.toString());
        for (String file : new String[] {"report.json", "report.html", "summary.md", "junit.xml", "report.sarif"}) {
            assertTrue(Files.size(whole.resolve(file)) > 0, file);
        }
        assertTrue(wholeRun.out().startsWith(Reports.renderForConsole(Reports.read(whole)).strip()),
                "summary.md is printed:\n" + wholeRun);
        assertTrue(Files.readString(whole.resolve("summary.md")).contains("FILE\\_AND\\_DIRECTORY"));
        assertFalse(wholeRun.out().contains("\\_") || wholeRun.out().contains("&lt;") || wholeRun.out().contains("\u001b["),
                "the console shows text, not Markdown escapes, HTML entities or ANSI codes:\n" + wholeRun);
        assertTrue(wholeRun.out().contains("crashlab check: PASSED"), wholeRun.toString());
        for (String unit : new String[] {"reference/FILE_AND_DIRECTORY", "stream-to-final", "cache-ahead, cache-ahead-fixed"}) {
            assertTrue(wholeRun.err().contains("] " + unit), "a progress line per unit:\n" + wholeRun);
        }
        assertTrue(wholeRun.err().matches("(?s).*\\] stream-to-final finished in [0-9.]+ s \\(1 workloads, [0-9,]+ states checked; "
                + "[0-9]+ s since the start(, about [0-9]+ s left)?\\): stream-to-final broke .*"), wholeRun.err());
        assertTrue(wholeRun.err().contains(" s left): "), "a time left while units remain:\n" + wholeRun.err());
        CampaignResult report = Reports.read(whole);
        assertEquals(CheckCommand.DEFAULT_SEED, report.seed());
        assertEquals(java.util.List.of(Environment.here(Roots.parent())), report.environments(),
                "the report says where the campaign ran: this JVM, on the file system of its run directories");
        assertEquals(2, report.counts().workloads(), "one workload for each store target");
        assertTrue(report.counts().crashPoints() > report.counts().workloads(), "crash and pause points are counted");
        assertTrue(report.expectedFindings() > 0, "stream-to-final and cache-ahead are caught");
        assertEquals(0, report.violations());
        assertTrue(report.targets().stream().flatMap(t -> t.cells().stream())
                .allMatch(c -> MODELS.contains(c.model().wireName())), "only the selected contexts are reported");
    }

    @Test
    void theShardsMergeToTheUnshardedResultAndRenderAgain() throws Exception {
        Path one = tmp.resolve("shard-1");
        Path two = tmp.resolve("shard-2");
        Path merged = tmp.resolve("merged");
        Cli first = check(one, "--shard", "1/2");
        Cli second = check(two, "--shard", "2/2");
        assertEquals(0, first.code(), first.toString());
        assertEquals(0, second.code(), second.toString());
        assertTrue(first.err().contains("shard 1/2: 2 of 3 units"), first.err());

        Cli merge = Cli.run("merge", "--out", merged.toString(), one.toString(), two.toString());

        assertEquals(0, merge.code(), merge.toString());
        CampaignResult expected = Reports.read(whole);
        CampaignResult actual = Reports.read(merged);
        assertFalse(statuses(expected).isEmpty());
        assertEquals(statuses(expected), statuses(actual));
        assertEquals(expected.counts(), actual.counts());
        assertEquals("1/2", Reports.read(one).shard().toString(), "a shard's report says which part it covers");
        assertEquals(null, actual.shard(), "the merge of every shard is the whole campaign");
        assertEquals(expected.environments(), actual.environments(), "shards run on one machine merge to its environment");
        Path md = tmp.resolve("again.md");
        Cli report = Cli.run("report", "--in", merged.toString(), "--format", "markdown", "--out", md.toString());
        assertEquals(0, report.code(), report.toString());
        assertEquals(Files.readString(merged.resolve("summary.md")), Files.readString(md));
        Cli junit = Cli.run("report", "--in", merged.resolve("report.json").toString(), "--format", "junit");
        assertTrue(junit.out().startsWith("<?xml"), junit.toString());
    }

    @Test
    void theBudgetAndTheScopeAreRecordedAndShownInEveryRendering() throws Exception {
        CampaignResult report = Reports.read(whole);
        assertEquals(1L, report.budget().workloadsPerTarget(), "--budget 1 is not 'unbounded'");
        assertEquals(null, report.shard());
        String md = Files.readString(whole.resolve("summary.md"));
        String html = Files.readString(whole.resolve("report.html"));
        String junit = Files.readString(whole.resolve("junit.xml"));
        for (String text : new String[] {md, html, junit}) {
            assertTrue(text.contains("at most 1 workloads per target") && text.contains("whole campaign")
                    && text.contains(String.valueOf(CheckCommand.DEFAULT_SEED)), text.substring(0, Math.min(600, text.length())));
        }
    }

    @Test
    void aMergeOfOneShardOfFourFailsNamingTheMissingOnes() throws Exception {
        Path one = tmp.resolve("of-four-1");
        assertEquals(0, check(one, "--shard", "1/4").code());
        Path merged = tmp.resolve("of-four-merged");

        Cli merge = Cli.run("merge", "--out", merged.toString(), one.toString());

        assertEquals(1, merge.code(), merge.toString());
        assertTrue(merge.out().contains("crashlab merge: FAILED: 3 of the 4 shards are missing: 2/4, 3/4, 4/4"),
                merge.toString());
        assertFalse(Files.exists(merged.resolve("report.json")), "a merge of part of a split writes nothing");
    }

    @Test
    void aShardGivenTwiceIsRefused() throws Exception {
        Path one = tmp.resolve("twice-1");
        assertEquals(0, check(one, "--shard", "1/2").code());

        Cli merge = Cli.run("merge", "--out", tmp.resolve("twice-merged").toString(), one.toString(), one.toString());

        UsageErrorsTest.assertUsageError(merge, "cannot merge: reports 1 and 2 are both shard 1/2");
    }

    @Test
    void shardsRunWithDifferentBudgetsAreRefusedNamingTheBudget() throws Exception {
        Path one = tmp.resolve("budget-1");
        Path two = tmp.resolve("budget-2");
        assertEquals(0, check(one, "--shard", "1/2").code());
        String[] other = {"check", "--out", two.toString(), "--budget", "2", "--targets", TARGETS, "--models", MODELS,
                "--shard", "2/2"};
        assertEquals(0, Cli.run(other).code());

        Cli merge = Cli.run("merge", "--out", tmp.resolve("budget-merged").toString(), one.toString(), two.toString());

        UsageErrorsTest.assertUsageError(merge, "cannot merge: report 2 ran with budget at most 2 workloads per target "
                + "but report 1 with at most 1 workloads per target; run every shard with the same --budget");
    }

    @Test
    void aReplayTokenPrintsItsCounterexampleAgain() throws Exception {
        for (String target : new String[] {"stream-to-final", "cache-ahead"}) {
            Cell found = Reports.read(whole).targets().stream().filter(t -> t.id().equals(target))
                    .flatMap(t -> t.cells().stream()).filter(c -> c.status() == Status.VIOLATED)
                    .filter(c -> c.model() != Context.CONCURRENT_READER).findFirst().orElseThrow();
            String token = found.counterexample().seed();

            Cli replay = Cli.run("replay", token);

            assertEquals(0, replay.code(), replay.toString());
            assertTrue(replay.out().contains("VIOLATED: " + target + " " + found.guarantee().name()), replay.toString());
            assertTrue(replay.out().contains("replay:     ./crashlab replay " + token), replay.toString());
        }
    }

    @Test
    void aTokenThatNoLongerBreaksAnythingSaysSo() {
        Cli replay = Cli.run("replay", CheckCommand.DEFAULT_SEED + ":cache-ahead-fixed:0:race:0");

        assertEquals(1, replay.code(), replay.toString());
        assertTrue(replay.out().contains("did not reproduce"), replay.toString());
    }

    private static Cli check(Path out, String... more) {
        String[] base = {"check", "--out", out.toString(), "--budget", "1", "--targets", TARGETS, "--models", MODELS};
        String[] args = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    /** target x guarantee x model -> status: what a merge must preserve, timings aside. */
    private static Map<String, Status> statuses(CampaignResult r) {
        Map<String, Status> out = new TreeMap<>();
        for (TargetResult t : r.targets()) {
            for (Cell c : t.cells()) {
                out.put(t.id() + " " + c.key(), c.status());
            }
        }
        return out;
    }
}
