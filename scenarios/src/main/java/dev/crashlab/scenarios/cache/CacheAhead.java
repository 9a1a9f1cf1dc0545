package dev.crashlab.scenarios.cache;

import java.io.IOException;
import java.util.Optional;

/**
 * An in-memory read-through cache in front of a {@link LocalDatabase} whose writes may run ahead of
 * the database until flushed (seed 002). G7: once a write returns, no read, in this process or
 * after {@link #close} and a restart, is served an older value.
 */
interface CacheAhead {

    Optional<String> read(String key) throws IOException;

    /** Writes to the cache; the database catches up on {@link #flush} or {@link #close}. */
    void write(String key, String value) throws IOException;

    /** Writes the key's cached value to the database if the cache is ahead of it. */
    void flush(String key) throws IOException;

    /** Flushes every key that is ahead of the database; the cache is then discarded. */
    void close() throws IOException;
}
