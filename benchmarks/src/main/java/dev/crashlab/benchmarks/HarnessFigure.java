package dev.crashlab.benchmarks;

import dev.crashlab.reports.Estimate;
import java.util.ArrayList;
import java.util.List;

/**
 * Crash states checked per second for one persistence model and workload length.
 *
 * @param model  the persistence model's name, e.g. "weakest-posix"
 * @param puts   how many reference puts the trace holds
 * @param statesPerSecond generated, materialized and checked
 */
record HarnessFigure(String model, int puts, Estimate statesPerSecond) {

    static final String STATES = "CrashStatesChecked.explore:states";

    public static List<HarnessFigure> from(Measurements m) {
        List<HarnessFigure> out = new ArrayList<>();
        for (Measurement x : m.all()) {
            if (x.benchmark().equals(STATES) && x.mode().equals(Measurements.THROUGHPUT)) {
                out.add(new HarnessFigure(x.param("model"), Integer.parseInt(x.param("puts")), x.score()));
            }
        }
        return out;
    }
}
