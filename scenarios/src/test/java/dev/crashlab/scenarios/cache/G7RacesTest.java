package dev.crashlab.scenarios.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The G7 checker catches each cache bug of seeds 002 and 003 and passes each seed's fix. */
class G7RacesTest {

    @TempDir
    Path tmp;

    private Supplier<Path> dirs(boolean disk) {
        int[] n = {0};
        return () -> {
            try {
                Path root = disk ? tmp.resolve("run" + n[0]++)
                        : Jimfs.newFileSystem(Configuration.unix()).getPath("/cache");
                return Files.createDirectories(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static String failures(List<G7Outcome> outcomes) {
        return outcomes.stream().filter(o -> !o.held()).map(G7Outcome::describe).collect(Collectors.joining("\n"));
    }

    @ParameterizedTest(name = "on disk: {0}")
    @ValueSource(booleans = {false, true})
    void stalePageIsCaughtWhenTheRegeneratorReadOldDataBeforeTheInvalidation(boolean disk) {
        List<G7Outcome> outcomes = G7Races.pageRegenerationVsInvalidation(StalePageCache::new, dirs(disk));
        assertEquals(List.of("source-read", "tmp-written", "renamed"),
                outcomes.stream().map(G7Outcome::pausePoint).toList());
        List<String> stale = outcomes.stream().filter(o -> !o.held()).map(G7Outcome::pausePoint).toList();
        assertEquals(List.of("source-read"), stale, failures(outcomes));
        assertTrue(failures(outcomes).contains("served \"v0\" where only \"v1\" is allowed"));
    }

    @ParameterizedTest(name = "on disk: {0}")
    @ValueSource(booleans = {false, true})
    void seed003ProtocolHoldsAtEveryPausePoint(boolean disk) {
        List<G7Outcome> outcomes = G7Races.pageRegenerationVsInvalidation(ExclusiveTmpPageCache::new, dirs(disk));
        assertEquals(4, outcomes.size());
        assertEquals("", failures(outcomes));
    }

    @ParameterizedTest(name = "on disk: {0}")
    @ValueSource(booleans = {false, true})
    void uncheckedLoadOverwritesANewerWrite(boolean disk) {
        List<G7Outcome> outcomes = G7Races.cacheLoadVsWrite(UnlockedCacheAhead::new, dirs(disk));
        assertEquals(1, outcomes.size());
        assertFalse(outcomes.get(0).held(), failures(outcomes));
        assertEquals("v0", outcomes.get(0).seen());
    }

    @ParameterizedTest(name = "on disk: {0}")
    @ValueSource(booleans = {false, true})
    void unlockedFlushLosesAWriteThatLandedDuringIt(boolean disk) {
        List<G7Outcome> outcomes = G7Races.cacheFlushVsWrite(UnlockedCacheAhead::new, dirs(disk));
        assertEquals(1, outcomes.size());
        assertFalse(outcomes.get(0).held(), failures(outcomes));
        assertEquals("v0", outcomes.get(0).seen(), "the restarted cache read the old value from the database");
    }

    @ParameterizedTest(name = "on disk: {0}")
    @ValueSource(booleans = {false, true})
    void seed002ProtocolHoldsInBothRaces(boolean disk) {
        assertEquals("", failures(G7Races.cacheLoadVsWrite(LockedCacheAhead::new, dirs(disk))));
        assertEquals("", failures(G7Races.cacheFlushVsWrite(LockedCacheAhead::new, dirs(disk))));
    }
}
