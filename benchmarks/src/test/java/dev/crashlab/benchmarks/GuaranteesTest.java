package dev.crashlab.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.store.Durability;
import dev.crashlab.store.Durability.Guarantee;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class GuaranteesTest {

    @Test
    void theReferenceHoldsWhatItsDurabilityClaims() {
        assertEquals(EnumSet.allOf(Guarantee.class), Guarantees.held(Option.FILE_AND_DIRECTORY));
        assertEquals("G1 G2c G4 G5 G6", Guarantees.shortLabels(Guarantees.held(Option.NONE)));
        assertEquals("G1 G2c G2p G3 G4 G5 G6", Guarantees.shortLabels(Durability.FILE_AND_DIRECTORY.claims()));
    }

    @Test
    void aSeededBugLosesWhatTheCatalogSaysItBreaks() {
        assertEquals(EnumSet.of(Guarantee.G3, Guarantee.G6), Guarantees.held(Option.STREAM_TO_FINAL));
        assertEquals(EnumSet.complementOf(EnumSet.of(Guarantee.G3)), Guarantees.held(Option.NO_DIR_FSYNC));
    }

    @Test
    void underPowerFailureQualifiesEveryGuaranteeListed() {
        // rename-no-fsync keeps crash atomicity under a process crash: the page cache survives it.
        assertEquals(EnumSet.of(Guarantee.G2_POWER_FAILURE, Guarantee.G3),
                Guarantees.broken("G2, G3 under power failure"));
        assertEquals(EnumSet.of(Guarantee.G1, Guarantee.G2_PROCESS_CRASH, Guarantee.G2_POWER_FAILURE, Guarantee.G5),
                Guarantees.broken("G1, G2, G5"));
        assertEquals(EnumSet.noneOf(Guarantee.class), Guarantees.broken(""));
    }
}
