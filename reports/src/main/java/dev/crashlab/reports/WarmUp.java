package dev.crashlab.reports;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Renders a small made-up result in every format and throws the text away. Loading and
 * initialising Jackson, JFreeChart and Java2D costs more than checking one small target; a
 * command line that knows it will write reports runs this on a second core meanwhile, so the
 * real rendering finds the classes loaded and the serializers built.
 */
final class WarmUp {

    private WarmUp() {
    }

    static void renderSample() {
        CampaignResult sample = sample();
        for (Format f : Format.values()) {
            try {
                f.render(sample);
            } catch (RuntimeException | LinkageError e) {
                // Only the cost moves here, not the outcome: the real rendering meets the same
                // problem and reports it (a machine without fonts gets a report without charts).
            }
        }
    }

    /** One target with a held and a not-claimed cell: enough to reach every renderer's charts and tables. */
    private static CampaignResult sample() {
        List<Cell> cells = List.of(
                new Cell(Guarantee.G1, Context.CONCURRENT_READER, Status.HELD, 1, null, null),
                new Cell(Guarantee.G2, Context.ORDERED, Status.NOT_CLAIMED, 1, null, null));
        TargetResult target = new TargetResult("warm-up", false, "", Set.of(), cells);
        return CampaignResult.of("0", 0, Budget.unbounded(), Instant.EPOCH, 0, Counts.zero(), List.of(target),
                List.of());
    }
}
