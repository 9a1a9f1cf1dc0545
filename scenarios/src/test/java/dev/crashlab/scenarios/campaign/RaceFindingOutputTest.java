package dev.crashlab.scenarios.campaign;

import dev.crashlab.scenarios.grade.Verdict;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The third shape of finding the golden files keep (beside a crash state and a paused reader, in
 * example.explain.FindingOutputTest): a race, a second writer putting another value while the first
 * was paused, as the campaign finds it on stream-to-final and prints it through the one printer.
 */
class RaceFindingOutputTest {

    @Test
    void aRaceFinding() throws IOException {
        CampaignConfig d = CampaignConfig.defaults(MatrixTest.SEED);
        List<dev.crashlab.scenarios.target.StoreTarget> streamToFinal = d.targets().stream()
                .filter(t -> t.id().equals("stream-to-final")).toList();
        CampaignRun r = Campaign.run(new CampaignConfig(streamToFinal, false, d.bounds(), d.readerSteps(),
                d.models(), d.exploration(), MatrixTest.SEED, 3));
        Verdict race = r.verdict("stream-to-final", Guarantee.G4, Context.RACE).orElseThrow();
        example.explain.FindingOutputTest.matches("race-finding.txt", race.describe());
    }
}
