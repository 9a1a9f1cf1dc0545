package dev.crashlab.scenarios.check;

import dev.crashlab.store.InvalidEntryException;
import dev.crashlab.store.ReaderProtocol;
import dev.crashlab.store.StoreException;
import dev.crashlab.store.WriteOnceStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What a reader finds for a key in a crash state, and how to say it in a verdict. */
record KeyReading(String key, byte[] value, StoreException error) {

    /** Reads through a store opened on the state's root with the given reader protocol. */
    static KeyReading of(Stores stores, Path root, String key, ReaderProtocol reader) throws IOException {
        WriteOnceStore<byte[]> store = stores.reader(root, reader);
        try {
            Optional<byte[]> value = store.get(key);
            return new KeyReading(key, value.orElse(null), null);
        } catch (StoreException e) {
            return new KeyReading(key, null, e);
        }
    }

    /** What the reference reader makes of the bytes on disk: the judge of "complete entry". */
    static KeyReading onDisk(Stores stores, Path root, String key) throws IOException {
        return of(stores, root, key, ReaderProtocol.REFERENCE);
    }

    boolean absent() {
        return value == null && error == null;
    }

    boolean invalid() {
        return error instanceof InvalidEntryException;
    }

    boolean holdsOneOf(List<ExpectedPut> puts) {
        return value != null && puts.stream().anyMatch(p -> p.sameValue(value));
    }

    /** e.g. {@code k1: absent}, {@code k1: "v1"}, {@code k1: InvalidEntryException (it is empty ...)}. */
    String describe() {
        if (error != null) {
            String problem = error instanceof InvalidEntryException invalid ? invalid.problem() : error.getMessage();
            return key + ": " + error.getClass().getSimpleName() + " (" + problem + ")";
        }
        return key + ": " + (value == null ? "absent" : show(value));
    }

    /** Short printable values as text, others by size and first bytes, so 1 MiB values stay one line. */
    static String show(byte[] value) {
        if (value.length <= 40) {
            String text = new String(value, StandardCharsets.UTF_8);
            if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                return '"' + text + '"';
            }
        }
        return value.length + " bytes " + java.util.HexFormat.of().formatHex(value, 0, Math.min(8, value.length))
                + (value.length > 8 ? "..." : "");
    }

    static String values(List<ExpectedPut> puts) {
        return puts.stream().map(p -> show(p.value())).distinct().reduce((a, b) -> a + " or " + b).orElse("nothing");
    }
}
