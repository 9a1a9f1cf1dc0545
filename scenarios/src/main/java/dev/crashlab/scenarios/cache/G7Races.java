package dev.crashlab.scenarios.cache;

import dev.crashlab.scenarios.interleave.Interleaver;
import dev.crashlab.scenarios.interleave.PausePoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The G7 races of seeds 002 and 003, each explored at every pause point of the paused side: the
 * checker takes the expected value from the workload (the last completed write or commit), never
 * from the cache under test.
 */
public final class G7Races {

    static final String OLD = "v0";
    static final String NEW = "v1";

    private G7Races() {
    }

    /** Every race of seed 002's write-ahead cache: on the seeded bug's unlocked cache, or the locked fix. */
    public static List<G7Outcome> cacheAhead(boolean seededBug, Supplier<Path> freshDir) {
        BiFunction<LocalDatabase, PausePoints, CacheAhead> caches = seededBug ? UnlockedCacheAhead::new : LockedCacheAhead::new;
        List<G7Outcome> outcomes = new ArrayList<>(cacheLoadVsWrite(caches, freshDir));
        outcomes.addAll(cacheFlushVsWrite(caches, freshDir));
        return outcomes;
    }

    /** Every race of seed 003's page cache: on the seeded bug's shared temp file, or the exclusive one. */
    public static List<G7Outcome> pageCache(boolean seededBug, Supplier<Path> freshDir) {
        return pageRegenerationVsInvalidation(seededBug ? StalePageCache::new : ExclusiveTmpPageCache::new, freshDir);
    }

    /** Factory of a page cache over a fresh directory, a data source and pause points. */
    interface PageCaches {
        PageCache create(Path dir, DataSource source, PausePoints points);
    }

    /**
     * Seed 003: a request regenerates a page from the old data; at each of its steps a commit of new
     * data and the invalidation run; then a reader requests the page.
     */
    static List<G7Outcome> pageRegenerationVsInvalidation(PageCaches caches, Supplier<Path> freshDir) {
        List<G7Outcome> outcomes = new ArrayList<>();
        for (String point : Interleaver.steps(points -> pageRun(caches, freshDir.get(), points, () -> { }))) {
            Path dir = freshDir.get();
            DataSource source = new DataSource();
            source.commit("index.html", OLD);
            PageCache shared = caches.create(dir, source, PausePoints.NONE);
            Interleaver.race(points -> serve(caches.create(dir, source, points)), point, () -> {
                source.commit("index.html", NEW);
                run(() -> shared.invalidate("index.html"));
            });
            outcomes.add(new G7Outcome("page regeneration vs commit+invalidation", point, NEW, serve(shared)));
        }
        return outcomes;
    }

    private static String pageRun(PageCaches caches, Path dir, PausePoints points, Runnable ignored) {
        DataSource source = new DataSource();
        source.commit("index.html", OLD);
        return serve(caches.create(dir, source, points));
    }

    private static String serve(PageCache cache) {
        return unchecked(() -> cache.serve("index.html"));
    }

    /**
     * Seed 002, load path: a read misses the cache and loads the old value from the database; at
     * each of its steps a write of a new value runs; then a reader reads the key.
     */
    static List<G7Outcome> cacheLoadVsWrite(BiFunction<LocalDatabase, PausePoints, CacheAhead> caches,
                                                   Supplier<Path> freshDir) {
        return cacheRace("cache load vs write", caches, freshDir, cache -> unchecked(() -> cache.read("k")),
                (cache, db) -> { });
    }

    /**
     * Seed 002, flush path: the old value is flushed; at each of its steps a write of a new value
     * runs; then the cache is closed (flushing what is ahead) and a reader of a restarted cache reads.
     */
    static List<G7Outcome> cacheFlushVsWrite(BiFunction<LocalDatabase, PausePoints, CacheAhead> caches,
                                                    Supplier<Path> freshDir) {
        return cacheRace("cache flush vs write, then restart", caches, freshDir,
                cache -> run(() -> cache.flush("k")),
                (cache, db) -> run(cache::close));
    }

    private interface AfterRace {
        void accept(CacheAhead cache, LocalDatabase db);
    }

    private static List<G7Outcome> cacheRace(String race, BiFunction<LocalDatabase, PausePoints, CacheAhead> caches,
                                             Supplier<Path> freshDir, Consumer<CacheAhead> actor, AfterRace after) {
        List<G7Outcome> outcomes = new ArrayList<>();
        List<String> steps = Interleaver.steps(points -> actor.accept(primed(caches, freshDir.get(), points, race)));
        for (String point : steps) {
            Path dir = freshDir.get();
            PausePoints[] gate = {PausePoints.NONE};
            CacheAhead cache = primed(caches, dir, step -> gate[0].reached(step), race);
            Interleaver.race(points -> {
                gate[0] = points;
                actor.accept(cache);
            }, point, () -> run(() -> cache.write("k", NEW)));
            gate[0] = PausePoints.NONE;
            LocalDatabase db = database(dir);
            after.accept(cache, db);
            CacheAhead reader = race.contains("restart") ? caches.apply(db, PausePoints.NONE) : cache;
            String seen = unchecked(() -> reader.read("k")).orElse("(absent)");
            outcomes.add(new G7Outcome(race, point, NEW, seen));
        }
        return outcomes;
    }

    /** A cache whose database holds the old value; for the flush race, the cache is ahead with it. */
    private static CacheAhead primed(BiFunction<LocalDatabase, PausePoints, CacheAhead> caches, Path dir,
                                     PausePoints points, String race) {
        LocalDatabase db = database(dir);
        CacheAhead cache = caches.apply(db, points);
        run(() -> {
            if (race.contains("flush")) {
                cache.write("k", OLD);
            } else {
                db.write("k", OLD);
            }
        });
        return cache;
    }

    private static LocalDatabase database(Path dir) {
        return unchecked(() -> new LocalDatabase(dir.resolve("db")));
    }

    private interface IoCall<T> {
        T call() throws IOException;
    }

    private interface IoRun {
        void run() throws IOException;
    }

    private static void run(IoRun action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T unchecked(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
