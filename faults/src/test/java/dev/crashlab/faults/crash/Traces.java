package dev.crashlab.faults.crash;

import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import dev.crashlab.faults.trace.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Hand-written traces of the store's protocols, as the instrumentation would record them. */
final class Traces {

    private final List<IoOp> ops = new ArrayList<>();
    private Snapshot before = Snapshot.empty();

    static Traces on(Snapshot before) {
        Traces t = new Traces();
        t.before = before;
        return t;
    }

    static Traces empty() {
        return new Traces();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    Traces op(OpKind kind, String path, String target, long offset, long length, byte[] data) {
        ops.add(new IoOp(ops.size(), kind, path, target, offset, length, data, kind == OpKind.MOVE, "main", null));
        return this;
    }

    Traces create(String path) {
        return op(OpKind.CREATE, path, null, -1, -1, null);
    }

    Traces write(String path, long offset, byte[] data) {
        return op(OpKind.WRITE, path, null, offset, data.length, data);
    }

    Traces fsync(String path) {
        return op(OpKind.FSYNC_FILE, path, null, -1, -1, null);
    }

    Traces fsyncDir(String path) {
        return op(OpKind.FSYNC_DIRECTORY, path, null, -1, -1, null);
    }

    Traces move(String from, String to) {
        return op(OpKind.MOVE, from, to, -1, -1, null);
    }

    Traces delete(String path) {
        return op(OpKind.DELETE, path, null, -1, -1, null);
    }

    Traces truncate(String path, long length) {
        return op(OpKind.TRUNCATE, path, null, -1, length, null);
    }

    IoTrace build() {
        return new IoTrace(before, ops);
    }

    /** The store's protocols for one put of {@code value} under entry name {@code key}.entry. */
    enum Protocol {
        REFERENCE(true, true), RENAME_NO_FSYNC(false, true), NO_DIR_FSYNC(true, false), NONE(false, false);

        final boolean fileSync;
        final boolean dirSync;

        Protocol(boolean fileSync, boolean dirSync) {
            this.fileSync = fileSync;
            this.dirSync = dirSync;
        }
    }

    Traces put(Protocol protocol, String key, byte[] value) {
        String temp = "." + key + "." + ops.size() + ".tmp";
        create(temp).write(temp, 0, value);
        if (protocol.fileSync) {
            fsync(temp);
        }
        move(temp, key + ".entry");
        return protocol.dirSync ? fsyncDir("") : this;
    }

    /** stream-to-final: the value is written straight into the entry file. */
    Traces streamToFinal(String key, byte[] value) {
        String entry = key + ".entry";
        create(entry).write(entry, 0, java.util.Arrays.copyOf(value, value.length / 2));
        return write(entry, value.length / 2, java.util.Arrays.copyOfRange(value, value.length / 2, value.length));
    }
}
