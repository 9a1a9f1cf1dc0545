package dev.crashlab.scenarios.check;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import dev.crashlab.faults.trace.Snapshot;
import dev.crashlab.store.Codecs;
import dev.crashlab.store.Durability;
import dev.crashlab.store.Protocol;
import dev.crashlab.store.ReaderProtocol;
import dev.crashlab.store.WriteOnceStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Hand-written traces of the store's protocols with the store's real file names and entry bytes,
 * as the instrumentation would record them, and the workload's own record of its puts.
 */
final class StoreTraces {

    private final List<IoOp> ops = new ArrayList<>();
    private final List<ExpectedPut> puts = new ArrayList<>();
    private final Snapshot before;

    StoreTraces(Snapshot before) {
        this.before = before;
    }

    StoreTraces() {
        this(Snapshot.empty());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String entry(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8(key))) + ".entry";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes the real store writes for this entry, learned by letting it write one. */
    static byte[] encoded(String key, byte[] value) {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            WriteOnceStore<byte[]> store = WriteOnceStore.builder(fs.getPath("/s"), Codecs.bytes())
                    .durability(Durability.NONE).build();
            store.put(key, value);
            return Files.readAllBytes(store.entryFile(key));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A snapshot holding complete entries, written by the real store. */
    static Snapshot storeHolding(String... keysAndValues) throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path root = fs.getPath("/s");
            WriteOnceStore<byte[]> store = WriteOnceStore.builder(root, Codecs.bytes()).build();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                store.put(keysAndValues[i], utf8(keysAndValues[i + 1]));
            }
            return Snapshot.of(root);
        }
    }

    private StoreTraces op(OpKind kind, String path, String target, long offset, byte[] data) {
        int length = data == null ? -1 : data.length;
        ops.add(new IoOp(ops.size(), kind, path, target, offset, length, data, kind == OpKind.MOVE, "main", null));
        return this;
    }

    private String temp(String key) {
        return "." + entry(key).replace(".entry", "") + "." + ops.size() + ".tmp";
    }

    /** The store's protocols that differ only in which fsyncs they issue. */
    StoreTraces put(Protocol protocol, Durability durability, String key, byte[] value) {
        return put(protocol, durability, key, value, entry(key));
    }

    private StoreTraces put(Protocol protocol, Durability durability, String key, byte[] value, String target) {
        int first = ops.size();
        String temp = temp(key);
        op(OpKind.CREATE, temp, null, -1, null).op(OpKind.WRITE, temp, null, 0, encoded(key, value));
        if (durability != Durability.NONE && protocol != Protocol.RENAME_NO_FSYNC) {
            op(OpKind.FSYNC_FILE, temp, null, -1, null);
        }
        op(OpKind.MOVE, temp, target, -1, null);
        boolean dirSync = protocol == Protocol.RENAME_NO_FSYNC ? durability != Durability.NONE
                : protocol != Protocol.NO_DIR_FSYNC && durability == Durability.FILE_AND_DIRECTORY;
        if (dirSync) {
            op(OpKind.FSYNC_DIRECTORY, "", null, -1, null);
        }
        return record(key, value, first, true);
    }

    /** A put of the value the key already holds: the reference store returns without I/O. */
    StoreTraces samePutAgain(String key, byte[] value) {
        return record(key, value, ops.size(), true);
    }

    /** A put the reference store refuses (the key holds another value): no I/O, not acknowledged. */
    StoreTraces refusedPut(String key, byte[] value) {
        return record(key, value, ops.size(), false);
    }

    /** Seeded bug stream-to-final: the entry is created in place and written in two steps. */
    StoreTraces streamToFinal(String key, byte[] value) {
        int first = ops.size();
        byte[] bytes = encoded(key, value);
        int half = bytes.length / 2;
        op(OpKind.CREATE, entry(key), null, -1, null);
        op(OpKind.WRITE, entry(key), null, 0, Arrays.copyOf(bytes, half));
        op(OpKind.WRITE, entry(key), null, half, Arrays.copyOfRange(bytes, half, bytes.length));
        return record(key, value, first, true);
    }

    /** Seeded bug unlink-then-rename: deletes the existing entry, then renames the temp over it. */
    StoreTraces unlinkThenRename(String key, byte[] value) {
        int first = ops.size();
        String temp = temp(key);
        op(OpKind.CREATE, temp, null, -1, null).op(OpKind.WRITE, temp, null, 0, encoded(key, value))
                .op(OpKind.FSYNC_FILE, temp, null, -1, null).op(OpKind.DELETE, entry(key), null, -1, null)
                .op(OpKind.MOVE, temp, entry(key), -1, null).op(OpKind.FSYNC_DIRECTORY, "", null, -1, null);
        return record(key, value, first, true);
    }

    /** Seeded bug stale-lock: the writer dies holding its lock file, before writing anything. */
    StoreTraces staleLockCrash(String key, byte[] value) {
        int first = ops.size();
        op(OpKind.CREATE, "." + entry(key).replace(".entry", "") + ".lock", null, -1, null);
        return record(key, value, first, false);
    }

    /** A hand-made bug for G6: a reference put whose rename targets another key's entry file. */
    StoreTraces wrongTarget(String key, byte[] value, String victimKey) {
        return put(Protocol.REFERENCE, Durability.FILE_AND_DIRECTORY, key, value, entry(victimKey));
    }

    private StoreTraces record(String key, byte[] value, int first, boolean acknowledged) {
        puts.add(new ExpectedPut(key, value, first, ops.size(), acknowledged));
        return this;
    }

    IoTrace trace() {
        return new IoTrace(before, ops);
    }

    Expectations expect(Durability durability, Protocol protocol, ReaderProtocol reader) {
        return new Expectations(puts, durability, protocol, reader);
    }

    Expectations expect(Durability durability, Protocol protocol) {
        return expect(durability, protocol, ReaderProtocol.REFERENCE);
    }
}
