package dev.crashlab.benchmarks;

import dev.crashlab.reports.Estimate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.reports.Budget;
import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Cell;
import dev.crashlab.reports.Counterexample;
import dev.crashlab.reports.Counts;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Reports;
import dev.crashlab.reports.Status;
import dev.crashlab.reports.TargetResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HeldGuaranteesTest {

    private static final long SEED = 20_261_122L;
    private static final Set<Context> POWER = Set.of(Context.ORDERED, Context.EXT4_LIKE, Context.WEAKEST_POSIX);

    /**
     * Shaped like the campaign's report: NONE does not claim G2 under a power failure nor G3 (and
     * broke both, for information), FILE_AND_DIRECTORY holds everything, rename-no-fsync is caught.
     * reference/FILE, stream-to-final and no-dir-fsync were not part of this campaign.
     */
    static CampaignResult campaign() {
        Map<Guarantee, Set<Context>> notClaimedByNone = Map.of(Guarantee.G2, POWER, Guarantee.G3, Set.of(Context.values()));
        List<Cell> none = cells((g, m) -> notClaimedByNone.getOrDefault(g, Set.of()).contains(m) ? Status.NOT_CLAIMED : Status.HELD);
        none.replaceAll(c -> c.guarantee() == Guarantee.G2 && c.model() == Context.EXT4_LIKE
                || c.guarantee() == Guarantee.G3 && c.model() == Context.WEAKEST_POSIX
                ? new Cell(c.guarantee(), c.model(), Status.NOT_CLAIMED, 18, 4L, cx("entry k1 is 0 bytes")) : c);
        List<Cell> durable = cells((g, m) -> Status.HELD);
        List<Cell> renameNoFsync = cells((g, m) -> Status.HELD);
        renameNoFsync.replaceAll(c -> c.guarantee() == Guarantee.G2 && c.model() == Context.EXT4_LIKE
                || c.guarantee() == Guarantee.G3 && c.model() == Context.WEAKEST_POSIX
                ? new Cell(c.guarantee(), c.model(), Status.VIOLATED, 220, 41L, cx("entry k1 lost")) : c);
        return CampaignResult.of("0.1.0", SEED, Budget.unbounded(), Instant.parse("2026-11-22T15:00:00Z"), 1_000,
                Counts.zero(), List.of(
                        new TargetResult("reference/NONE", false, null, Set.of(), none),
                        new TargetResult("reference/FILE_AND_DIRECTORY", false, null, Set.of(), durable),
                        new TargetResult("rename-no-fsync", true, "000", EnumSet.of(Guarantee.G2, Guarantee.G3), renameNoFsync)),
                List.of());
    }

    /** Every model for G1..G6, G7 not applicable, as a store target's report has them. */
    private static List<Cell> cells(java.util.function.BiFunction<Guarantee, Context, Status> status) {
        List<Cell> out = new ArrayList<>();
        for (Guarantee g : Guarantee.values()) {
            for (Context m : Context.values()) {
                Status s = g == Guarantee.G7 ? Status.NOT_APPLICABLE : status.apply(g, m);
                out.add(new Cell(g, m, s, s == Status.HELD ? 25 : 0, null, null));
            }
        }
        return out;
    }

    private static Counterexample cx(String saw) {
        return new Counterexample(SEED + ":t:0:ext4-like:1", "power failure", List.of("put(k1, 'v1')"), List.of(),
                null, null, saw, List.of("absent", "'v1' (complete)"), null);
    }

    private static HeldGuarantees written(Path dir, CampaignResult result) throws Exception {
        Path file = dir.resolve("report.json");
        Reports.render(result, dev.crashlab.reports.Format.JSON, file);
        return HeldGuarantees.read(file);
    }

    @Test
    void noneHoldsNeitherG2pNorG3WhereTheyAreNotClaimed(@TempDir Path dir) throws Exception {
        HeldGuarantees.Row none = written(dir, campaign()).of(Option.NONE);
        assertEquals("G1 G2c G4 G5 G6", none.holds());
        // Broken where NONE does not claim them: the price of NONE, shown but not as a violation.
        assertEquals("G2p G3 (not claimed)", none.breaks());
    }

    @Test
    void fileAndDirectoryHoldsEverythingItsCellsHeld(@TempDir Path dir) throws Exception {
        HeldGuarantees.Row durable = written(dir, campaign()).of(Option.FILE_AND_DIRECTORY);
        assertEquals("G1 G2c G2p G3 G4 G5 G6", durable.holds());
        assertEquals(java.util.List.copyOf(Guarantees.COLUMNS), java.util.List.copyOf(durable.held()));
        assertEquals("", durable.breaks());
    }

    @Test
    void renameNoFsyncShowsG2pAndG3Broken(@TempDir Path dir) throws Exception {
        HeldGuarantees.Row bug = written(dir, campaign()).of(Option.RENAME_NO_FSYNC);
        assertEquals("G1 G2c G4 G5 G6", bug.holds());
        assertEquals("G2p G3", bug.breaks());
    }

    @Test
    void aTargetAbsentFromTheReportFallsBackToTheClaims(@TempDir Path dir) throws Exception {
        HeldGuarantees verdicts = written(dir, campaign());
        assertEquals("G1 G2c G2p G4 G5 G6 (claimed)", verdicts.of(Option.FILE).holds());
        assertEquals("", verdicts.of(Option.FILE).breaks());
        HeldGuarantees.Row streamToFinal = verdicts.of(Option.STREAM_TO_FINAL);
        assertEquals("G3 G6 (claimed)", streamToFinal.holds());
        assertEquals("G1 G2c G2p G4 G5 (catalog)", streamToFinal.breaks());
        assertEquals(Guarantees.held(Option.STREAM_TO_FINAL), streamToFinal.held());
    }

    @Test
    void withoutVerdictsEveryRowIsTheClaimsUnmarked() {
        HeldGuarantees.Row none = HeldGuarantees.claims().of(Option.NONE);
        assertEquals("G1 G2c G4 G5 G6", none.holds());
        assertEquals("G2p G3", HeldGuarantees.claims().of(Option.RENAME_NO_FSYNC).breaks());
    }

    @Test
    void aGuaranteeTheCampaignDidNotCheckIsNotHeld(@TempDir Path dir) throws Exception {
        // As `check --guarantees G2` writes it: the other guarantees have no cell at all.
        List<Cell> onlyG2 = cells((g, m) -> Status.HELD).stream().filter(c -> c.guarantee() == Guarantee.G2).toList();
        CampaignResult narrowed = CampaignResult.of("0.1.0", SEED, Budget.unbounded(), Instant.EPOCH, 0, Counts.zero(),
                List.of(new TargetResult("reference/FILE", false, null, Set.of(), onlyG2)), List.of());
        assertEquals("G2c G2p", written(dir, narrowed).of(Option.FILE).holds());
    }

    @Test
    void theTableSaysWhereHoldsCameFrom(@TempDir Path dir) throws Exception {
        HeldGuarantees verdicts = written(dir, campaign());
        Measurements run = new Measurements(List.of(
                new Measurement("StorePut.put", Map.of("option", "NONE", "size", "4096", "fs", "disk"),
                        Measurements.SAMPLE, Estimate.measured(30, 3), 28.0, 90.0),
                new Measurement("StorePut.put", Map.of("option", "FILE", "size", "4096", "fs", "disk"),
                        Measurements.SAMPLE, Estimate.measured(900, 30), 880.0, 1500.0)));
        List<CostTable> tables = CostTables.from(run, verdicts);
        String md = MarkdownReport.render(tables, List.of(), "header", List.of(), verdicts);
        assertTrue(md.contains(dir.resolve("report.json").toAbsolutePath().normalize() + "` (seed " + SEED + ")"), md);
        assertFalse(md.contains("not available yet"), md);
        assertTrue(md.contains("| section | what | holds | found broken |"), md);
        assertTrue(md.contains("| store put | NONE | G1 G2c G4 G5 G6 | G2p G3 (not claimed) |"), md);
        assertTrue(md.contains("| store put | FILE | G1 G2c G2p G4 G5 G6 (claimed) |  |"), md);
        // report.json's cost rows carry the same verdicts (its one G2 needs both halves).
        assertEquals(EnumSet.of(Guarantee.G1, Guarantee.G4, Guarantee.G5, Guarantee.G6),
                tables.get(0).rows().get(0).guarantees());
    }

    @Test
    void aMissingFileIsAOneLineUsageError(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere/report.json");
        String err = assertUsageError(missing);
        assertTrue(err.contains(missing.toString()) && err.contains("does not exist"), err);
    }

    @Test
    void aMalformedFileIsAOneLineUsageError(@TempDir Path dir) throws Exception {
        Path notJson = Files.writeString(dir.resolve("report.json"), "{ \"schemaVersion\": 1,\n  oops");
        assertTrue(assertUsageError(notJson).contains("is not JSON"));
        Path notAReport = Files.writeString(dir.resolve("other.json"), "{\"schemaVersion\": 1, \"toolVersion\": 3}");
        assertTrue(assertUsageError(notAReport).contains(notAReport.toString()));
    }

    @Test
    void theBenchmarksOwnReportIsNoCampaign(@TempDir Path dir) throws Exception {
        Path own = dir.resolve("report.json");
        Reports.render(CampaignResult.of("0.1.0", 0, Budget.unbounded(), Instant.EPOCH, 0, Counts.zero(), List.of(), List.of()),
                dev.crashlab.reports.Format.JSON, own);
        assertTrue(assertUsageError(own).contains("no campaign verdicts"));
    }

    /** Runs `crashlab bench --verdicts file`, which must stop before any benchmark runs. */
    private static String assertUsageError(Path file) {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand()).setErr(new PrintWriter(err, true)).setOut(new PrintWriter(out, true));
        assertEquals(2, cl.execute("--verdicts", file.toString(), "--out", file.resolveSibling("bench-out").toString()));
        String text = err.toString();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("crashlab bench: --verdicts: "), text);
        assertTrue(text.contains("./crashlab check --out DIR"), text);
        assertFalse(text.contains("Exception") || text.contains("\tat "), text);
        assertEquals("", out.toString());
        return text;
    }
}
