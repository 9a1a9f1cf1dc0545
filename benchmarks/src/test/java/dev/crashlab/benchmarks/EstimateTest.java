package dev.crashlab.benchmarks;

import dev.crashlab.reports.Estimate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void aRatioCarriesBothRelativeErrors() {
        Estimate r = Estimate.measured(300, 30).over(Estimate.measured(200, 40));
        assertEquals(1.5, r.value(), 1e-12);
        // 10% and 20% relative errors add in quadrature: sqrt(0.01 + 0.04) of 1.5.
        assertEquals(1.5 * Math.sqrt(0.05), r.error(), 1e-12);
    }

    @Test
    void perEntryAndPerSecondScaleTheError() {
        assertEquals(Estimate.measured(10, 1), Estimate.measured(160, 16).per(16));
        Estimate ops = Estimate.measured(250, 25).reciprocalPerSecond();
        assertEquals(4000, ops.value(), 1e-9);
        assertEquals(400, ops.error(), 1e-9);
    }

    @Test
    void describesWithThreeSignificantDigits() {
        assertEquals("2,588 ± 349", Estimate.measured(2588.4, 349.2).describe());
        assertEquals("1.23 ± 0.05", Estimate.measured(1.234, 0.051).describe());
        assertEquals("92.5", Estimate.exact(92.48).describe());
    }

    @Test
    void aGoalWithinItsErrorSaysSo() {
        assertEquals("met", new Goal("g", "w", Estimate.measured(1.0, 0.1), null, 1.2).verdict());
        assertEquals("met (within noise)", new Goal("g", "w", Estimate.measured(1.15, 0.1), null, 1.2).verdict());
        assertEquals("missed (within noise)", new Goal("g", "w", Estimate.measured(1.25, 0.1), null, 1.2).verdict());
        assertEquals("missed", new Goal("g", "w", Estimate.measured(1.5, 0.1), null, 1.2).verdict());
        assertEquals("not measured", new Goal("g", "w", null, null, 1.2).verdict());
    }
}
