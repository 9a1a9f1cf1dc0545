package dev.crashlab.benchmarks;

import dev.crashlab.store.Codecs;
import dev.crashlab.store.Durability;
import dev.crashlab.store.Protocol;
import dev.crashlab.store.WriteOnceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A store in a fresh directory, the value to put, fresh keys, and the budget that keeps the
 * directory small: what every benchmark of the store's puts needs, so each benchmark class says only
 * what it measures.
 */
final class StoreFixture {

    private final Path dir;
    private final WriteOnceStore<byte[]> store;
    private final byte[] value;
    private final DirectoryBudget budget = new DirectoryBudget();
    private long next;

    StoreFixture(String fs, String name, Durability durability, Protocol protocol, int size) throws IOException {
        dir = BenchDirs.fresh(fs, name);
        store = protocol.on(WriteOnceStore.builder(dir, Codecs.bytes()).durability(durability)).build();
        value = Values.random(size);
        // Other benchmarks' dirty pages must not be written back on this one's fsyncs.
        BenchDirs.syncAll();
    }

    /** Call before each invocation that will add {@code files} entries: empties the directory when it holds enough. */
    void beforePuts(int files) throws IOException {
        if (budget.spend(files, (long) files * value.length)) {
            store.clear();
        }
    }

    void put() throws IOException {
        store.put(Long.toString(next++), value);
    }

    /** {@code n} entries under fresh keys, for putAll. */
    Map<String, byte[]> freshEntries(int n) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            entries.put(Long.toString(next++), value);
        }
        return entries;
    }

    void putAll(Map<String, byte[]> entries) throws IOException {
        store.putAll(entries);
    }

    void close() {
        BenchDirs.delete(dir);
    }
}
