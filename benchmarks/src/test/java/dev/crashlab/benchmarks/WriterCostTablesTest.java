package dev.crashlab.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.reports.Counterexample;
import dev.crashlab.reports.Estimate;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Status;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.grade.CellKey;
import dev.crashlab.scenarios.grade.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's cost table put together from figures of the test's choosing: ratios to the floors and
 * to the first variant, "same within noise" where the spreads overlap, the check's words per
 * guarantee and context; its Markdown kept by a golden file ({@code -Dcrashlab.golden.update=true}
 * rewrites it).
 */
class WriterCostTablesTest {

    private static Measurement sample(String benchmark, double mean, Double error, String... params) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        return new Measurement(benchmark, p, Measurements.SAMPLE, new Estimate(mean, error), mean * 0.9, mean * 3);
    }

    private static Map<String, String> cells(String... columnThenWord) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < columnThenWord.length; i += 2) {
            out.put(columnThenWord[i], columnThenWord[i + 1]);
        }
        return out;
    }

    static final List<VariantCheck> CHECKS = List.of(
            new VariantCheck("log/fsync-per-record", cells("G1 concurrent-reader", "held", "G2 ordered", "held",
                    "G3 process-crash", "held", "G3 ordered", "held"), 3),
            new VariantCheck("log/group-commit", cells("G1 concurrent-reader", "held", "G2 ordered", "held",
                    "G3 process-crash", "held", "G3 ordered", "held"), 1),
            new VariantCheck("log/none", cells("G1 concurrent-reader", "held", "G2 ordered", "kept (not claimed)",
                    "G3 process-crash", "held", "G3 ordered", "broken (not claimed)"), 0),
            new VariantCheck("log/odsync", cells("G1 concurrent-reader", "held", "G3 ordered", "violated"), 3));

    static final Measurements RUN = new Measurements(List.of(
            sample(WriterCostTables.CALL, 3000, 300.0, "variant", "log/fsync-per-record", "fs", "disk"),
            sample(WriterCostTables.CALL, 1000, 100.0, "variant", "log/group-commit", "fs", "disk"),
            sample(WriterCostTables.CALL, 40, 5.0, "variant", "log/none", "fs", "disk"),
            sample(WriterCostTables.CALL, 2900, 400.0, "variant", "log/odsync", "fs", "disk"),
            sample(WriterCostTables.WRITE_FSYNC, 1000, 120.0, "size", "4096", "fs", "disk"),
            sample(WriterCostTables.REPLACE, 2100, 300.0, "size", "4096", "fs", "disk"),
            sample(WriterCostTables.CALL, 30, 3.0, "variant", "log/fsync-per-record", "fs", "tmpfs"),
            sample(WriterCostTables.CALL, 12, null, "variant", "log/group-commit", "fs", "tmpfs"),
            sample(WriterCostTables.CALL, 9, 1.0, "variant", "log/none", "fs", "tmpfs"),
            sample(WriterCostTables.WRITE_FSYNC, 10, 1.0, "size", "4096", "fs", "tmpfs"),
            sample(WriterCostTables.REPLACE, 25, 2.0, "size", "4096", "fs", "tmpfs")));

    private static WriterCostTable table() {
        return WriterCostTables.assemble("example.bench.LogVariants", CHECKS, RUN, List.of("disk", "tmpfs"), 4096);
    }

    private static WriterCostRow row(WriterCostTable t, String what, String fs) {
        return t.rows().stream().filter(r -> r.what().equals(what) && r.fs().equals(fs)).findFirst().orElseThrow();
    }

    @Test
    void eachVariantIsDividedByBothFloorsAndTheFirstVariantOnItsMedium() {
        WriterCostTable t = table();
        WriterCostRow group = row(t, "log/group-commit", "disk");
        assertEquals(1.0, group.vsWriteFsync().ratio().value(), 1e-9);
        assertEquals(1000.0 / 2100, group.vsReplace().ratio().value(), 1e-9);
        assertEquals(1000.0 / 3000, group.vsBaseline().ratio().value(), 1e-9);
        assertTrue(group.vsBaseline().differs(), "3000 ± 300 against 1000 ± 100 is a difference");
        assertNull(row(t, "log/fsync-per-record", "disk").vsBaseline(), "the baseline is not compared with itself");
        assertEquals(1.0, row(t, "log/fsync-per-record", "tmpfs").vsWriteFsync().ratio().value() / 3, 1e-9);
        assertEquals(1, row(t, "floor: write + fsync", "disk").syncs());
        assertEquals(2, row(t, "floor: temp + fsync + rename + directory fsync", "disk").syncs());
    }

    @Test
    void aDifferenceInsideTheSpreadIsNotCalledOne() {
        WriterCostTable t = table();
        Spread close = row(t, "log/odsync", "disk").vsBaseline();
        assertTrue(close.withinNoise(), "2900 ± 400 against 3000 ± 300: the intervals overlap");
        assertFalse(close.differs());
        assertTrue(close.describe().startsWith("same within noise ("), close.describe());
        // group commit against the write + fsync floor: 1000 ± 100 and 1000 ± 120
        assertEquals(Spread.SAME + " (1.00 ± 0.16x)", row(t, "log/group-commit", "disk").vsWriteFsync().describe());
        Spread unknown = row(t, "log/group-commit", "tmpfs").vsBaseline();
        assertFalse(unknown.differs(), "no spread measured: nothing is claimed");
        assertEquals("0.40x (no spread measured: not judged)", unknown.describe());
    }

    @Test
    void aVariantNotMeasuredIsSaidSoAndTheRestStands() {
        WriterCostTable t = table();
        assertEquals(List.of("log/odsync on tmpfs: its benchmark failed (jmh.log says why)"), t.missing());
        assertEquals(11, t.rows().size(), "four variants and two floors on disk, three and two on tmpfs");
    }

    @Test
    void theVerdictColumnsAreEveryVariantsInGuaranteeThenContextOrder() {
        assertEquals(List.of("G1 concurrent-reader", "G2 ordered", "G3 process-crash", "G3 ordered"),
                WriterCostTables.columns(CHECKS));
        assertEquals("G1; G2; G3 (process-crash)", CHECKS.get(2).holds());
        assertEquals("G1", CHECKS.get(3).holds());
    }

    @Test
    void aCellIsTheWorstOverTheFaults() {
        Counterexample lost = new Counterexample("t:1:ordered:0", "power failure", List.of(), List.of(), null, null,
                "[]", List.of("[r1]"), "");
        List<Verdict> verdicts = List.of(
                new Verdict(new CellKey("t", Guarantee.G3, Context.ORDERED), Verdict.NO_FAULT, Status.HELD, 4, null, -1),
                new Verdict(new CellKey("t", Guarantee.G3, Context.ORDERED), "refuse ATOMIC_MOVE", Status.VIOLATED, 4, lost, 1),
                new Verdict(new CellKey("t", Guarantee.G2, Context.ORDERED), Verdict.NO_FAULT, Status.NOT_CLAIMED, 4, lost, 1),
                new Verdict(new CellKey("t", Guarantee.G2, Context.PROCESS_CRASH), Verdict.NO_FAULT, Status.NOT_CLAIMED, 4,
                        null, -1));
        VariantCheck c = VariantCheck.of(new CrashResult("t", verdicts, List.of(), 0, 0, 8, 2));
        assertEquals(Map.of("G3 ordered", "violated", "G2 ordered", "broken (not claimed)",
                "G2 process-crash", "kept (not claimed)"), c.cells());
        assertEquals(2, c.syncs());
        assertEquals("G2 (process-crash)", c.holds());
    }

    @Test
    void theMarkdownTable() throws IOException {
        matches("writer-cost.md", WriterCostMarkdown.render(table(), "Mode: quick, 60 s. Machine: the test's."));
    }

    @Test
    void theJsonHtmlAndChartsCarryTheSameRows(@TempDir Path dir) throws IOException {
        WriterCostTable t = table();
        WriterCostFiles.write(t, "header", WriterCostMarkdown.render(t, "header"), dir,
                new java.io.PrintWriter(java.io.Writer.nullWriter()));
        String json = Files.readString(dir.resolve("bench.json"));
        assertTrue(json.contains("\"what\" : \"log/group-commit\""), json);
        assertTrue(json.contains("\"withinNoise\" : true"), json);
        String html = Files.readString(dir.resolve("bench.html"));
        assertTrue(html.contains("<td class=\"violated\">violated</td>"), html);
        assertTrue(html.contains("<svg"), "the charts are in the page");
        assertTrue(Files.size(dir.resolve("bench-disk.png")) > 0);
        assertTrue(Files.readString(dir.resolve("bench-tmpfs.svg")).contains("keeps G1; G2; G3 (process-crash)"));
    }

    @Test
    void theReportsModuleRendersEachCheckAndEachCost(@TempDir Path dir) throws IOException {
        List<Verdict> verdicts = List.of(
                new Verdict(new CellKey("log/none", Guarantee.G3, Context.PROCESS_CRASH), Verdict.NO_FAULT, Status.HELD, 4,
                        null, -1),
                new Verdict(new CellKey("log/none", Guarantee.G1, Context.CONCURRENT_READER), Verdict.NO_FAULT, Status.HELD, 4,
                        null, -1));
        WriterReport.write(List.of(new CrashResult("log/none", verdicts, List.of(), 0, 5, 8, 0)), table(),
                java.time.Instant.parse("2026-12-07T21:00:00Z"), 1000, dir);
        String summary = Files.readString(dir.resolve("summary.md"));
        assertTrue(summary.contains("| writer call on disk | log/none | G1 G2 |"), summary);
        assertTrue(Files.readString(dir.resolve("report.json")).contains("\"log/none\""));
        assertTrue(Files.exists(dir.resolve("report.html")));
        assertEquals(java.util.Set.of(Guarantee.G1, Guarantee.G2), WriterReport.keptEverywhere(CHECKS.get(2).cells()),
                "G3 was kept under process-crash only");
    }

    static void matches(String golden, String actual) throws IOException {
        if (Boolean.getBoolean("crashlab.golden.update")) {
            Files.writeString(Path.of("src/test/resources/golden", golden), actual);
            return;
        }
        try (InputStream in = WriterCostTablesTest.class.getResourceAsStream("/golden/" + golden)) {
            String expected = in == null ? "(no golden file " + golden + ": run with -Dcrashlab.golden.update=true)"
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(expected, actual, "the table changed; if on purpose, regenerate with"
                    + " -Dcrashlab.golden.update=true and review the diff");
        }
    }
}
