package dev.crashlab.scenarios.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.crashlab.scenarios.target.StoreTarget;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The same seed gives the same verdicts and the same counterexamples, byte for byte: the property
 * that makes a replay token worth printing. Run on the targets whose crash states are sampled
 * (unsynced 1 MiB writes are past the exhaustive bound), where a stray source of randomness or an
 * iteration order would show first.
 */
class DeterminismTest {

    static final long SEED = 7L;

    static CampaignConfig config(long seed) {
        CampaignConfig d = CampaignConfig.defaults(seed);
        List<StoreTarget> sampled = d.targets().stream()
                .filter(t -> List.of("reference/NONE", "stream-to-final", "temp-elsewhere").contains(t.id())).toList();
        return new CampaignConfig(sampled, true, d.bounds(), d.readerSteps(), d.models(), d.exploration(), seed, 3);
    }

    static String render(CampaignRun r) {
        return r.verdicts().stream().map(v -> v.cell() + " " + v.status() + " " + v.checks()
                + (v.counterexample() == null ? "" : "\n" + v.describe())).collect(Collectors.joining("\n"));
    }

    @Test
    void twoRunsWithOneSeedAgreeOnEveryVerdictAndCounterexample() {
        String first = render(Campaign.run(config(SEED)));
        String second = render(Campaign.run(config(SEED)));
        assertNotEquals("", first);
        String[] a = first.split("\n");
        String[] b = second.split("\n");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            assertEquals(a[i], b[i], "line " + (i + 1) + " of the two runs' verdicts differs");
        }
        assertEquals(a.length, b.length);
    }
}
