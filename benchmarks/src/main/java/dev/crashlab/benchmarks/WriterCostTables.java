package dev.crashlab.benchmarks;

import dev.crashlab.reports.Estimate;
import dev.crashlab.reports.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts a user's run together: each variant's cost per writer call, against the machine's two floors
 * and against the provider's first variant, beside what the crash check found for it. Only
 * assembly: the measurements and the checks are made elsewhere, so the table can be tested on
 * figures of one's choosing.
 */
final class WriterCostTables {

    static final String CALL = "UserWriterCall.call";
    static final String WRITE_FSYNC = "WriteForceFloor.writeForceAll";
    static final String REPLACE = "ReplaceFloor.replace";

    private WriterCostTables() {
    }

    static WriterCostTable assemble(String provider, List<VariantCheck> checks, Measurements m, List<String> media,
                                    int floorBytes) {
        List<WriterCostRow> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String baseline = checks.get(0).name();
        for (String fs : media) {
            Optional<Measurement> writeFsync = m.latency(WRITE_FSYNC, "fs", fs);
            Optional<Measurement> replace = m.latency(REPLACE, "fs", fs);
            Optional<Measurement> first = m.latency(CALL, "variant", baseline, "fs", fs);
            for (VariantCheck c : checks) {
                Optional<Measurement> call = m.latency(CALL, "variant", c.name(), "fs", fs);
                if (call.isEmpty()) {
                    missing.add(c.name() + " on " + fs + ": its benchmark failed (jmh.log says why)");
                    continue;
                }
                Estimate mean = call.get().score();
                rows.add(row(c.name(), fs, false, call.get(), m, c.syncs(),
                        against(mean, writeFsync), against(mean, replace),
                        c.name().equals(baseline) ? null : against(mean, first), c.cells(), c.holds()));
            }
            floor(rows, missing, "floor: write + fsync", fs, writeFsync, 1, m, null, replace);
            floor(rows, missing, "floor: temp + fsync + rename + directory fsync", fs, replace, 2, m, writeFsync, null);
        }
        return new WriterCostTable(provider, baseline, columns(checks), floorBytes, rows, missing);
    }

    private static void floor(List<WriterCostRow> rows, List<String> missing, String what, String fs,
                              Optional<Measurement> measured, long syncs, Measurements m,
                              Optional<Measurement> writeFsync, Optional<Measurement> replace) {
        if (measured.isEmpty()) {
            missing.add(what + " on " + fs + ": its benchmark failed (jmh.log says why); no ratio to it");
            return;
        }
        Estimate mean = measured.get().score();
        rows.add(row(what, fs, true, measured.get(), m, syncs, writeFsync == null ? null : against(mean, writeFsync),
                replace == null ? null : against(mean, replace), null, Map.of(), ""));
    }

    private static WriterCostRow row(String what, String fs, boolean floor, Measurement call, Measurements m, long syncs,
                                     Spread vsWriteFsync, Spread vsReplace, Spread vsBaseline, Map<String, String> cells,
                                     String holds) {
        return new WriterCostRow(what, fs, floor, call.score(), call.p50(), call.p99(), m.opsPerSecond(call).orElse(null),
                syncs, vsWriteFsync, vsReplace, vsBaseline, cells, holds);
    }

    private static Spread against(Estimate mean, Optional<Measurement> other) {
        return other.map(o -> Spread.of(mean, o.score())).orElse(null);
    }

    /** Every variant's verdict columns, guarantee then context (a reader's, then the persistence models). */
    static List<String> columns(List<VariantCheck> checks) {
        Set<String> all = new LinkedHashSet<>();
        checks.forEach(c -> all.addAll(c.cells().keySet()));
        return all.stream().sorted(Comparator.comparing((String col) -> col.substring(0, col.indexOf(' ')))
                .thenComparing(col -> Context.fromWireName(col.substring(col.indexOf(' ') + 1)))).toList();
    }
}
