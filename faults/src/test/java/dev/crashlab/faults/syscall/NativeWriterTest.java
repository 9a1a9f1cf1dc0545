package dev.crashlab.faults.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.CrashStates;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.Snapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracles of the system-call recording, on a C program built by the test: the recorded trace is
 * the program's system calls, and a real kill -9 before each of its steps leaves the directory the
 * process-crash model predicts from the trace of the run that was not killed.
 */
class NativeWriterTest {

    /** The program's calls under the root, as the trace must list them (writer.c, step by step). */
    private static final List<String> CALLS = List.of(
            "MKDIR d",
            "CREATE d/log.tmp",
            "WRITE d/log.tmp @0 +6 hello ",
            "WRITE d/log.tmp @6 +6 world\n",
            "WRITE d/log.tmp @0 +2 HE",
            "WRITE d/log.tmp @12 +4 abcd",
            "WRITE d/log.tmp @20 +4 abcd",
            "FSYNC_FILE d/log.tmp",
            "FSYNC_DATA d/log.tmp",
            "MOVE d/log.tmp -> d/log",
            "WRITE d/log.tmp @16 +1 !",
            "CLOSE d/log.tmp",
            "FSYNC_DIRECTORY d",
            "LINK d/log -> log2",
            "WRITE log2 @24 +5 tail\n",
            "TRUNCATE log2 8",
            "WRITE log2 @8 +2 XY",
            "CLOSE log2",
            "CREATE sync",
            "WRITE sync @0 +7 durable (sync)",
            "CLOSE sync",
            "DELETE d/log",
            "WRITE old @4 +3 NEW",
            "CLOSE old",
            "TRUNCATE old 0",
            "CLOSE old");

    @Test
    void theTraceIsTheProgramsSystemCalls(@TempDir Path tmp) throws Exception {
        Path writer = NativeProgram.build("writer", tmp);
        Path root = root(tmp, "full");
        RunResult r = SyscallRecording.in(root).go(List.of(writer.toString(), root.toString()));
        assertEquals(List.of(), r.unseen(), "the recording must prove itself complete");
        assertEquals(null, r.thrown());
        assertEquals(String.join("\n", CALLS), lines(r.trace().ops()), r.trace().listing());
        IoOp write = r.trace().get(2);
        assertEquals("write(2) in writer", write.site(), "the call and the program that made it");
        IoOp renamed = r.trace().get(10);
        assertEquals(2, renamed.opened(), "a write after a rename acts on the file the descriptor was opened on:"
                + " its name and the trace position when opened");
    }

    @Test
    void aKillAtEachStepLeavesTheProcessCrashState(@TempDir Path tmp) throws Exception {
        Path writer = NativeProgram.build("writer", tmp);
        Path full = root(tmp, "full");
        RunResult whole = SyscallRecording.in(full).go(List.of(writer.toString(), full.toString()));
        assertEquals(List.of(), whole.unseen());
        for (int step = 0; step <= 32; step++) {
            Path root = root(tmp, "kill-" + step);
            RunResult killed = SyscallRecording.in(root).go(List.of(writer.toString(), root.toString(), "" + step));
            int n = killed.trace().size();
            assertEquals(lines(whole.trace().ops().subList(0, n)), lines(killed.trace().ops()),
                    "killed before step " + step + ": the calls made are a prefix of the whole run's");
            Snapshot predicted = CrashStates.replayed(whole.trace().prefix(n));
            assertEquals(predicted, Snapshot.of(root), "killed before step " + step
                    + ": the directory a real kill -9 left differs from the process-crash state after #" + (n - 1));
            if (step < 32) {
                assertNotNull(killed.thrown(), "killed before step " + step + ": the run says the command died");
            }
        }
    }

    @Test
    void aSharedWritableMapIsRefusedUnlessTheFileIsVolatile(@TempDir Path tmp) throws Exception {
        Path mapped = NativeProgram.build("mapped", tmp);
        Path root = root(tmp, "refused");
        RunResult r = SyscallRecording.in(root).go(List.of(mapped.toString(), root.toString()));
        assertEquals(1, r.unseen().size(), String.join("\n", r.unseen()));
        assertTrue(r.unseen().get(0).startsWith("db-shm: mapped shared and writable")
                && r.unseen().get(0).endsWith("(at mmap(2) in mapped)"),
                r.unseen().get(0));

        Path declared = root(tmp, "volatile");
        SyscallRecording recording = SyscallRecording.in(declared).volatileFiles(List.of("*-shm"));
        RunResult v = recording.go(List.of(mapped.toString(), declared.toString()));
        assertEquals(List.of(), v.unseen(), "a volatile file is left out, and the rest proves complete");
        assertEquals(List.of("db-shm"), recording.notJudged());
        assertEquals("CREATE db\nWRITE db @0 +4 page\nFSYNC_FILE db", lines(v.trace().ops()));
    }

    @Test
    void asynchronousIoIsRefusedWithItsCallSite(@TempDir Path tmp) throws Exception {
        Path aio = NativeProgram.build("aio", tmp);
        RunResult r = SyscallRecording.in(root(tmp, "aio-root")).go(List.of(aio.toString()));
        if (r.thrown() != null) {
            org.junit.jupiter.api.Assumptions.abort("io_setup is not permitted here: " + r.thrown().getMessage());
        }
        assertEquals(List.of("asynchronous I/O through io_setup, which the recording does not decode: its reads and"
                + " writes are not system calls of their own (at io_setup(2) in aio)"), r.unseen());
    }

    private static Path root(Path tmp, String name) throws Exception {
        Path root = Files.createDirectories(tmp.resolve(name));
        Files.writeString(root.resolve("old"), "old content");
        return root;
    }

    /** Kind, names, offset, length and bytes: what the crash models use, without threads and sites. */
    static String lines(List<IoOp> ops) {
        return ops.stream().map(op -> {
            StringBuilder s = new StringBuilder(op.kind() + " " + op.path());
            if (op.target() != null) {
                s.append(" -> ").append(op.target());
            }
            switch (op.kind()) {
                case WRITE -> s.append(" @").append(op.offset()).append(" +").append(op.length()).append(' ')
                        .append(new String(op.data(), StandardCharsets.ISO_8859_1)).append(op.durable() ? " (sync)" : "");
                case TRUNCATE -> s.append(' ').append(op.length());
                default -> { }
            }
            return s.toString();
        }).collect(Collectors.joining("\n"));
    }
}
