package dev.crashlab.faults.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import dev.crashlab.faults.trace.Snapshot;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * crashlab's side of the strace oracle on hand-made traces: a handle's operations name its file
 * as it is called now, an unlinked one "(deleted)", one bound to no file "?name", and truncates that
 * change nothing are dropped; so the oracle can tell a right recording from a wrong one.
 */
class RecordedOpsTest {

    /** {@code opened}: the trace position whose names the handle was opened on (1: just after the CREATE). */
    private static IoOp op(int index, OpKind kind, String path, String target, long offset, long length, int opened) {
        byte[] data = kind == OpKind.WRITE ? new byte[(int) length] : null;
        return new IoOp(index, kind, path, target, offset, length, data, false, "main", null, opened, false);
    }

    @Test
    void namesTheFileAHandleActsOnNow() {
        TreeMap<String, byte[]> files = new TreeMap<>();
        files.put("old", new byte[3]);
        IoTrace trace = new IoTrace(new Snapshot(new TreeSet<>(), files), List.of(
                op(0, OpKind.CREATE, "a", null, -1, -1, -1),
                op(1, OpKind.WRITE, "a", null, 0, 5, 1),
                op(2, OpKind.MOVE, "a", "b", -1, -1, -1),
                op(3, OpKind.WRITE, "a", null, 5, 2, 1),
                op(4, OpKind.TRUNCATE, "a", null, -1, 7, 1),
                op(5, OpKind.FSYNC_FILE, "a", null, -1, -1, 1),
                op(6, OpKind.DELETE, "b", null, -1, -1, -1),
                op(7, OpKind.FSYNC_DATA, "a", null, -1, -1, 1),
                op(8, OpKind.TRUNCATE, "old", null, -1, 0, -1),
                op(9, OpKind.WRITE, "never", null, 0, 1, -1),
                op(10, OpKind.CLOSE, "a", null, -1, -1, 1)));

        assertEquals(List.of(
                "CREATE a",
                "WRITE a @0 +5",
                "RENAME a -> b",
                "WRITE b @5 +2",
                "FSYNC b",
                "DELETE b",
                "FDATASYNC b (deleted)",
                "TRUNCATE old to 0",
                "WRITE ?never @0 +1"), RecordedOps.of(trace));
    }

    @Test
    void namesTheDirectoryADirectoryHandleSyncsNow() {
        TreeSet<String> dirs = new TreeSet<>(List.of("d"));
        IoTrace trace = new IoTrace(new Snapshot(dirs, new TreeMap<>()), List.of(
                op(0, OpKind.MOVE, "d", "e", -1, -1, -1),
                op(1, OpKind.FSYNC_DIRECTORY, "d", null, -1, -1, 0),
                op(2, OpKind.FSYNC_DIRECTORY, "e", null, -1, -1, -1)));

        assertEquals(List.of("RENAME d -> e", "FSYNC_DIR e", "FSYNC_DIR e"), RecordedOps.of(trace));
    }
}
