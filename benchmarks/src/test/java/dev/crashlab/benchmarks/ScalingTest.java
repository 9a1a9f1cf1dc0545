package dev.crashlab.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.agent.Agent;
import dev.crashlab.reports.Estimate;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Scaling family: each shape is a correct writer whose check passes (a violation would stop a
 * model's exploration early and time less than the whole check), and the table reads time against n
 * as a growth exponent, 1 for a linear curve and 2 for a quadratic one.
 */
class ScalingTest {

    @Test
    void everyShapePassesItsCheck() {
        Agent.install();
        for (String shape : ScalingTargets.SHAPES) {
            CrashResult r = CrashCheck.run(ScalingTargets.of(shape, 3));
            assertTrue(r.passed(), shape + ":\n" + r.describe());
        }
    }

    @Test
    void theTableGivesEachShapesGrowthExponent() {
        List<Measurement> all = new ArrayList<>();
        for (int n : new int[] {10, 100, 1000}) {
            all.add(check("linear", n, 5.0 * n));
            all.add(check("quadratic", n, 0.5 * n * n));
        }
        Map<String, List<ScalingCurve.Point>> curves = ScalingCurve.from(new Measurements(all));
        assertEquals(List.of(10, 100, 1000), curves.get("linear").stream().map(ScalingCurve.Point::n).toList());
        String table = ScalingCurve.markdown(curves, "header");
        assertTrue(table.contains("| linear | 1000 | 5,000 | 10.0x | 1.00 |"), table);
        assertTrue(table.contains("| quadratic | 1000 | 500,000 | 100x | 2.00 |"), table);
        assertTrue(table.contains("| linear | 10 | 50.0 |  |  |"), table);
    }

    /** A single-shot result as JMH gives it, in microseconds. */
    private static Measurement check(String shape, int n, double millis) {
        return new Measurement(ScalingCurve.BENCHMARK, Map.of("shape", shape, "n", String.valueOf(n)), "ss",
                Estimate.measured(millis * 1000, 0), null, null);
    }
}
