package dev.crashlab.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.store.Durability;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GuaranteesTest {

    @Test
    void theReferenceHoldsWhatItsDurabilityClaims() {
        assertEquals("G1 G2c G2p G3 G4 G5 G6", Guarantees.shortLabels(Guarantees.held(Option.FILE_AND_DIRECTORY)));
        assertEquals("G1 G2c G4 G5 G6", Guarantees.shortLabels(Guarantees.held(Option.NONE)));
        assertEquals("G1 G2c G2p G4 G5 G6", Guarantees.shortLabels(Guarantees.claimed(Durability.FILE)));
    }

    @Test
    void aSeededBugLosesWhatTheCatalogSaysItBreaks() {
        assertEquals(Set.of("G3", "G6"), Guarantees.held(Option.STREAM_TO_FINAL));
        assertEquals("G1 G2c G2p G4 G5 G6", Guarantees.shortLabels(Guarantees.held(Option.NO_DIR_FSYNC)));
    }

    @Test
    void aBugThatBreaksOnlyUnderPowerFailureKeepsCrashAtomicityUnderAProcessCrash() {
        // rename-no-fsync keeps crash atomicity under a process crash: the page cache survives it.
        assertEquals("G2p G3", Guarantees.shortLabels(Guarantees.broken(Option.RENAME_NO_FSYNC)));
        assertEquals("G1 G2c G2p G4 G5", Guarantees.shortLabels(Guarantees.broken(Option.STREAM_TO_FINAL)));
        assertEquals(Set.of(), Guarantees.broken(Option.FILE_AND_DIRECTORY));
    }

    @Test
    void theReportsVocabularyHasOneG2HeldOnlyWhenBothColumnsAre() {
        assertEquals(EnumSet.allOf(Guarantee.class).stream().filter(g -> g != Guarantee.G7).toList(),
                List.copyOf(Guarantees.asGuarantees(Guarantees.held(Option.FILE_AND_DIRECTORY))));
        assertEquals(EnumSet.of(Guarantee.G1, Guarantee.G4, Guarantee.G5, Guarantee.G6),
                Guarantees.asGuarantees(Guarantees.held(Option.NONE)));
    }
}
