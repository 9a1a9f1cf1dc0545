package dev.crashlab.scenarios.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The database behind a page cache (seed 003): committed rows, read by page name. */
final class DataSource {

    private final Map<String, String> rows = new ConcurrentHashMap<>();

    public String read(String page) {
        return rows.getOrDefault(page, "");
    }

    /** A committed transaction: every read that starts after this returns {@code content}. */
    public void commit(String page, String content) {
        rows.put(page, content);
    }
}
