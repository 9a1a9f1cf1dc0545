package dev.crashlab.scenarios.cache;

import dev.crashlab.scenarios.interleave.PausePoints;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Seed 002's protocol: a per-key lock around every load, flush and write, a re-check of the cache
 * after the database read, and "cache ahead of the database" bookkeeping that a flush clears only if
 * the cache still holds the value it flushed. (Python's event loop made the cache writes atomic in
 * the seed; with threads, the write takes the key's lock too.)
 */
final class LockedCacheAhead implements CacheAhead {

    private final LocalDatabase db;
    private final PausePoints points;
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    private final Set<String> ahead = ConcurrentHashMap.newKeySet();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public LockedCacheAhead(LocalDatabase db, PausePoints points) {
        this.db = db;
        this.points = points;
    }

    private ReentrantLock lock(String key) {
        return locks.computeIfAbsent(key, k -> new ReentrantLock());
    }

    @Override
    public Optional<String> read(String key) throws IOException {
        String cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        ReentrantLock lock = lock(key);
        lock.lock();
        try {
            cached = cache.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
            Optional<String> stored = db.read(key);
            points.reached("db-read");
            stored.ifPresent(v -> cache.putIfAbsent(key, v));
            return Optional.ofNullable(cache.get(key));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void write(String key, String value) {
        ReentrantLock lock = lock(key);
        lock.lock();
        try {
            cache.put(key, value);
            ahead.add(key);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void flush(String key) throws IOException {
        if (!ahead.contains(key)) {
            return;
        }
        ReentrantLock lock = lock(key);
        lock.lock();
        try {
            if (!ahead.contains(key)) {
                return;
            }
            String value = cache.get(key);
            db.write(key, value);
            points.reached("db-written");
            if (value.equals(cache.get(key))) {
                ahead.remove(key);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        for (String key : Set.copyOf(ahead)) {
            flush(key);
        }
        cache.clear();
    }
}
