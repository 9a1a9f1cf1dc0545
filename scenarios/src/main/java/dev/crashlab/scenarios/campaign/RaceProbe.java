package dev.crashlab.scenarios.campaign;

import static dev.crashlab.scenarios.grade.CellTable.FAULT_FREE;

import dev.crashlab.scenarios.grade.CellTable;
import dev.crashlab.scenarios.grade.ReplayToken;
import dev.crashlab.scenarios.grade.CellKey;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.crashlab.scenarios.cache.G7Outcome;
import dev.crashlab.scenarios.cache.G7Races;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.workload.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** G7 for the cache protocols of seeds 002 and 003: each race at every pause point. */
final class RaceProbe {

    /** A cache protocol as a campaign target: only G7 applies, only in the race context. */
    record CacheTarget(String id, boolean seededBug, String seed) implements dev.crashlab.scenarios.target.Target {
        @Override
        public boolean claims(Guarantee g, Context context) {
            return g == Guarantee.G7;
        }

        @Override
        public void perform(Path root, dev.crashlab.scenarios.workload.Step step) {
            throw new UnsupportedOperationException("cache targets are driven by their races");
        }

        @Override
        public dev.crashlab.scenarios.target.Observation read(Path root, String key) {
            throw new UnsupportedOperationException("cache targets are driven by their races");
        }
    }

    static final CacheTarget CACHE_AHEAD = new CacheTarget("cache-ahead", true, "002");
    static final CacheTarget SEED_002_FIX = new CacheTarget("cache-ahead-fixed", false, "002");
    static final CacheTarget STALE_PAGE = new CacheTarget("stale-page", true, "003");
    static final CacheTarget SEED_003_FIX = new CacheTarget("stale-page-fixed", false, "003");

    static List<CacheTarget> targets() {
        return List.of(CACHE_AHEAD, SEED_002_FIX, STALE_PAGE, SEED_003_FIX);
    }

    void explore(CacheTarget target, long seed, CellTable cells) {
        Supplier<Path> dirs = () -> {
            try {
                return Files.createDirectories(Jimfs.newFileSystem(Configuration.unix()).getPath("/cache"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        List<G7Outcome> outcomes = target.id().startsWith("cache-ahead")
                ? G7Races.cacheAhead(target.seededBug(), dirs)
                : G7Races.pageCache(target.seededBug(), dirs);
        for (int i = 0; i < outcomes.size(); i++) {
            G7Outcome o = outcomes.get(i);
            if (o.held()) {
                cells.held(FAULT_FREE, Guarantee.G7, Context.RACE);
            } else {
                int ordinal = i;
                cells.failed(FAULT_FREE, Guarantee.G7, Context.RACE, () -> new Evidence(
                        new CellKey(target.id(), Guarantee.G7, Context.RACE), new Workload(List.of()),
                        o.race() + ", actor paused at '" + o.pausePoint() + "'", null, -1, true, null, "",
                        "a reader was served " + o.seen(), o.expected(), null,
                        ReplayToken.seeded(seed, target.id(), 0, Context.RACE, ordinal).toString(), o.describe()).toCounterexample(),
                () -> null);
            }
        }
    }
}
