package dev.crashlab.scenarios.check;

import dev.crashlab.store.Codecs;
import dev.crashlab.store.Durability;
import dev.crashlab.store.Protocol;
import dev.crashlab.store.ReaderProtocol;
import dev.crashlab.store.WriteOnceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores opened on crash states' roots, kept for the next state at the same path (the materializer
 * hands a closed root's name out again). Opening a store cost more than judging a small state.
 * A store keeps nothing about the directory's contents between calls, so reuse is safe.
 */
final class Stores {

    private static final int KEPT = 8;

    private final Map<List<Object>, WriteOnceStore<byte[]>> open = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, WriteOnceStore<byte[]>> eldest) {
            return size() > KEPT;
        }
    };

    WriteOnceStore<byte[]> reader(Path root, ReaderProtocol reader) throws IOException {
        return get(root, Protocol.REFERENCE, Durability.NONE, reader);
    }

    WriteOnceStore<byte[]> writer(Path root, Expectations expected) throws IOException {
        return get(root, expected.protocol(), expected.durability(), expected.reader());
    }

    private WriteOnceStore<byte[]> get(Path root, Protocol protocol, Durability durability, ReaderProtocol reader)
            throws IOException {
        List<Object> key = List.of(root, protocol, durability, reader);
        WriteOnceStore<byte[]> store = open.get(key);
        if (store == null) {
            store = reader.on(protocol.on(WriteOnceStore.builder(root, Codecs.bytes()).durability(durability)
                    .createRoot(false))).build();
            open.put(key, store);
        }
        return store;
    }
}
