package example.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.TargetFailedException;
import dev.crashlab.reports.Guarantee;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A misused API gets a clear error that says what to change, never a verdict. */
class BadUsageTest {

    @Test
    void anEmptyModelListIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CrashTarget.builder("none").models(List.of()));
        assertTrue(refused.getMessage().contains("at least one persistence model"), refused.getMessage());
    }

    @Test
    void racingWritersWithAnOracleInsteadOfValuesAreRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> CrashTarget.builder("mixed")
                .writer(dir -> Files.writeString(dir.resolve("state"), "v2"))
                .rival(dir -> Files.writeString(dir.resolve("state"), "v3"), "v3")
                .oracle(dir -> Files.readString(dir.resolve("state")), "any version",
                        (String found, CrashTarget.Acknowledged acked) -> true)
                .build());
        assertEquals("racing writers are judged by the value each leaves, so a target with .rival(writer, value) needs"
                + " .reader(read, before, after); with an oracle, give the race one: .rival(writer, raceOracle)",
                refused.getMessage());
    }

    @Test
    void aReaderThatDoesNotFindTheDeclaredBeforeValueIsAUsageErrorNamingBoth() {
        TargetFailedException refused = assertThrows(TargetFailedException.class, () -> CrashCheck.run(
                CrashTarget.builder("wrong-before")
                        .setUp(dir -> Files.writeString(dir.resolve("state"), "v0"))
                        .writer(dir -> Files.writeString(dir.resolve("state"), "v2"))
                        .reader(dir -> Files.readString(dir.resolve("state")), "v1", "v2")
                        .claims(Guarantee.G1).build()));
        assertEquals("the reader of wrong-before finds \"v0\" after the set-up, but the target declares \"v1\" as what"
                + " it finds before the writer runs: fix .reader(read, before, after) or the set-up", refused.getMessage());
    }
}
