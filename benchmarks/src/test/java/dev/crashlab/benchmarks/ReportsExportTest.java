package dev.crashlab.benchmarks;

import dev.crashlab.reports.Estimate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.reports.BenchmarkRow;
import dev.crashlab.reports.Guarantee;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportsExportTest {

    private static Measurement put(String option, double mean) {
        return new Measurement("StorePut.put", Map.of("option", option, "size", "64", "fs", "tmpfs"),
                Measurements.SAMPLE, Estimate.measured(mean, 1), mean, mean * 2);
    }

    @Test
    void theReportsSingleG2IsHeldOnlyWhenItHoldsUnderPowerFailureToo() {
        List<BenchmarkRow> rows = ReportsExport.rows(CostTables.from(new Measurements(List.of(
                put("NONE", 10), put("FILE", 20), put("rename-no-fsync", 30)))));
        assertEquals(EnumSet.of(Guarantee.G1, Guarantee.G4, Guarantee.G5, Guarantee.G6), rows.get(0).guaranteesHeld());
        assertEquals(EnumSet.of(Guarantee.G1, Guarantee.G2, Guarantee.G4, Guarantee.G5, Guarantee.G6),
                rows.get(1).guaranteesHeld());
        assertEquals("store put, 64 B values on tmpfs", rows.get(2).benchmark());
        assertEquals(EnumSet.of(Guarantee.G1, Guarantee.G4, Guarantee.G5, Guarantee.G6), rows.get(2).guaranteesHeld());
    }
}
