package dev.crashlab.scenarios.cache;

import dev.crashlab.scenarios.interleave.PausePoints;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seeded bug cache-ahead (seed 002, the bug its issue set out to fix): loads with check-then-load
 * and no per-key lock, so a load that read the database before a write overwrites the newer cached
 * value; and a flush marks the key up to date even if a write landed while it was flushing, so that
 * write never reaches the database. Either way a reader is later served an older value (G7).
 */
final class UnlockedCacheAhead implements CacheAhead {

    private final LocalDatabase db;
    private final PausePoints points;
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    private final Set<String> ahead = ConcurrentHashMap.newKeySet();

    public UnlockedCacheAhead(LocalDatabase db, PausePoints points) {
        this.db = db;
        this.points = points;
    }

    @Override
    public Optional<String> read(String key) throws IOException {
        String cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> stored = db.read(key);
        points.reached("db-read");
        stored.ifPresent(v -> cache.put(key, v));
        return stored;
    }

    @Override
    public void write(String key, String value) {
        cache.put(key, value);
        ahead.add(key);
    }

    @Override
    public void flush(String key) throws IOException {
        if (!ahead.contains(key)) {
            return;
        }
        db.write(key, cache.get(key));
        points.reached("db-written");
        ahead.remove(key);
    }

    @Override
    public void close() throws IOException {
        for (String key : Set.copyOf(ahead)) {
            flush(key);
        }
        cache.clear();
    }
}
