package dev.crashlab.faults.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.crashlab.faults.crash.CrashStates;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.trace.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle of the reader held beside a native writer: at each stop the live directory is exactly
 * the trace's first operations replayed (the position given is right, and no call runs while the
 * reader reads), on a C program with a second thread writing outside the root meanwhile. A replace in
 * place shows the reader an empty and a half-written value; a replace by rename never does.
 */
class HeldReaderTest {

    @Test
    void aReplaceInPlaceShowsTheReaderTornValues(@TempDir Path tmp) throws Exception {
        Map<Integer, String> seen = held(tmp, "in-place");
        assertEquals(List.of("old value", "", "new ", "new value"), List.of(seen.get(0), seen.get(1), seen.get(2), seen.get(3)),
                "after the truncate, after each write: a position per call that changed the root: " + seen);
    }

    @Test
    void aReplaceByRenameShowsTheOldValueOrTheNew(@TempDir Path tmp) throws Exception {
        Map<Integer, String> seen = held(tmp, "rename");
        // created, written twice, renamed (the sync and the close show only at a stop after the other thread's writes)
        assertEquals(List.of(0, 1, 2, 3, 6), seen.keySet().stream().filter(at -> at < 4 || at > 5).toList(), seen.toString());
        assertEquals("new value", seen.get(6));
        assertEquals(List.of("old value"), seen.entrySet().stream().filter(e -> e.getKey() < 6).map(Map.Entry::getValue)
                .distinct().toList(), seen.toString());
    }

    /** The value the reader found at each position, checking each stop's directory against the trace. */
    private static Map<Integer, String> held(Path tmp, String how) throws Exception {
        Path program = NativeProgram.build("publish", tmp);
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.writeString(root.resolve("value"), "old value");
        Map<Integer, String> seen = new LinkedHashMap<>();
        Map<Integer, Snapshot> dirs = new LinkedHashMap<>();
        seen.put(0, read(root));
        RunResult r = SyscallRecording.in(root).goStopping(List.of(program.toString(), root.toString(), how), at -> {
            seen.put(at, read(root));
            dirs.put(at, Snapshot.of(root));
        });
        assertNull(r.thrown());
        assertEquals(List.of(), r.unseen());
        for (Map.Entry<Integer, Snapshot> d : dirs.entrySet()) {
            assertEquals(CrashStates.replayed(r.trace().prefix(d.getKey())), d.getValue(),
                    "held after " + d.getKey() + " operations:\n" + r.trace().listing());
        }
        return seen;
    }

    private static String read(Path root) {
        try {
            return Files.readString(root.resolve("value"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
