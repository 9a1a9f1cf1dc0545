package dev.crashlab.benchmarks;

import dev.crashlab.reports.Estimate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostTablesTest {

    private static Measurement sample(String benchmark, double mean, String... params) {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        return new Measurement(benchmark, p, Measurements.SAMPLE, Estimate.measured(mean, mean / 10), mean * 0.9, mean * 3);
    }

    private static final Measurements RUN = new Measurements(List.of(
            sample("StorePut.put", 1200, "option", "FILE_AND_DIRECTORY", "size", "4096", "fs", "disk"),
            sample("StorePut.put", 900, "option", "no-dir-fsync", "size", "4096", "fs", "disk"),
            sample("BareProtocolFloor.put", 1000, "floor", "FILE_AND_DIRECTORY", "size", "4096", "fs", "disk"),
            sample("BareProtocolFloor.put", 800, "floor", "FILE", "size", "4096", "fs", "disk"),
            sample("GroupCommitPut.putAll", 3200, "batch", "16", "size", "4096", "fs", "disk"),
            sample("SqliteInsert.insert", 400, "synchronous", "FULL", "size", "4096", "fs", "disk")));

    @Test
    void eachOptionIsDividedByTheFloorWithItsSyscalls() {
        CostTable t = CostTables.from(RUN).get(0);
        CostRow durable = t.rows().get(0);
        assertEquals("FILE_AND_DIRECTORY", durable.label());
        assertEquals(1.2, durable.ratio().value(), 1e-9);
        assertEquals(1.2, durable.medianRatio(), 1e-9);
        // no-dir-fsync performs FILE's syscalls, so FILE's floor is its denominator.
        CostRow noDir = t.rows().get(1);
        assertEquals("bare syscalls (FILE)", noDir.comparedWith());
        assertEquals(900.0 / 800, noDir.ratio().value(), 1e-9);
    }

    @Test
    void theStoresOwnWorkMayCostMoreOfAPutOnTmpfsThanOnDisk() {
        Measurements run = new Measurements(List.of(
                sample("StorePut.put", 1400, "option", "FILE_AND_DIRECTORY", "size", "4096", "fs", "disk"),
                sample("BareProtocolFloor.put", 1000, "floor", "FILE_AND_DIRECTORY", "size", "4096", "fs", "disk"),
                sample("StorePut.put", 14, "option", "FILE_AND_DIRECTORY", "size", "4096", "fs", "tmpfs"),
                sample("BareProtocolFloor.put", 10, "floor", "FILE_AND_DIRECTORY", "size", "4096", "fs", "tmpfs")));
        List<CostTable> tables = CostTables.from(run);
        Goal disk = tables.stream().filter(t -> t.fs().equals("disk")).findFirst().orElseThrow().goals().get(0);
        Goal tmpfs = tables.stream().filter(t -> t.fs().equals("tmpfs")).findFirst().orElseThrow().goals().get(0);
        assertEquals(1.2, disk.limit(), 1e-9);
        assertEquals(1.5, tmpfs.limit(), 1e-9);
    }

    @Test
    void groupCommitIsPricedPerEntryAgainstSqliteFull() {
        CostTable t = CostTables.from(RUN).get(0);
        CostRow group = t.rows().stream().filter(r -> r.section().equals("group commit")).findFirst().orElseThrow();
        assertEquals(200, group.mean().value(), 1e-9);
        assertEquals(0.5, group.ratio().value(), 1e-9);
        Goal groupGoal = t.goals().get(1);
        assertEquals(0.5, groupGoal.ratio().value(), 1e-9);
        assertEquals("met", groupGoal.verdict());
        assertEquals(1.2, t.goals().get(0).ratio().value(), 1e-9);
    }

    @Test
    void writesTheTableAndTheCharts(@TempDir Path dir) throws Exception {
        List<CostTable> tables = CostTables.from(RUN);
        String md = MarkdownReport.render(tables, List.of(), "header", List.of("a note"));
        assertTrue(md.contains("| store put | FILE_AND_DIRECTORY | G1 G2c G2p G3 G4 G5 G6 |"), md);
        assertTrue(md.contains("1.20 ± 0.17x"), md);
        Path svg = CostChart.write(tables, "disk", dir, "cost-disk");
        assertTrue(Files.readString(svg).startsWith("<?xml") || Files.readString(svg).startsWith("<svg"));
        assertTrue(Files.size(dir.resolve("cost-disk.png")) > 0);
        String chart = Files.readString(svg);
        for (ChartCategory kind : List.of(ChartCategory.OPTION, ChartCategory.FLOOR)) {
            assertTrue(chart.contains(kind.legend), "a legend entry per kind of bar: " + kind.legend);
            assertTrue(chart.contains(String.format("rgb(%d,%d,%d)", kind.colour.getRed(), kind.colour.getGreen(),
                    kind.colour.getBlue())), "bars in the colour of their kind: " + kind);
        }
    }

    @Test
    void aSeededBugAFloorAPeerAndAnOptionAreFourKindsOfBar() {
        assertEquals(ChartCategory.SEEDED_BUG, ChartCategory.of(row("store put", "rename-no-fsync (claims FILE_AND_DIRECTORY)")));
        assertEquals(ChartCategory.OPTION, ChartCategory.of(row("store put", "FILE")));
        assertEquals(ChartCategory.FLOOR, ChartCategory.of(row("floor", "bare syscalls (FILE_AND_DIRECTORY)")));
        assertEquals(ChartCategory.PEER, ChartCategory.of(row("peer", "SQLite WAL synchronous=FULL")));
    }

    private static CostRow row(String section, String label) {
        return new CostRow(section, label, java.util.Set.of(), "", "", null, null, null, null, "", null, null);
    }
}
