package dev.crashlab.faults.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the instrumentation cannot follow is reported, never silently left out of the trace. */
class BlindSpotTest {

    @TempDir
    Path tmp;

    private static void writeThroughAMapping(Path file) throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_WRITE, 0, 8);
            map.put(new byte[] {1, 2, 3});
            map.force();
        }
    }

    @Test
    void aMemoryMappedWriteIsReportedWithItsSourceLine() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        RunResult result = Run.with(root, dev.crashlab.faults.plan.FaultPlan.none(),
                () -> writeThroughAMapping(root.resolve("m")));
        assertEquals(1, result.unseen().size(), result.unseen().toString());
        String note = result.unseen().get(0);
        assertTrue(note.startsWith("m: memory-mapped") && note.contains("BlindSpotTest.writeThroughAMapping"), note);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Run.record(Files.createDirectories(tmp.resolve("other")),
                        () -> writeThroughAMapping(tmp.resolve("other/m"))));
        assertTrue(refused.getMessage().contains("cannot see"), refused.getMessage());
    }

    @Test
    void aTransferIntoAnInScopeFileIsReported() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path outside = Files.write(tmp.resolve("source"), new byte[100]);
        RunResult result = Run.with(root, dev.crashlab.faults.plan.FaultPlan.none(), () -> {
            try (FileChannel in = FileChannel.open(outside);
                 FileChannel out = FileChannel.open(root.resolve("t"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                out.transferFrom(in, 0, 100);
            }
        });
        assertTrue(result.unseen().stream().anyMatch(n -> n.startsWith("t: written by transferFrom")), result.unseen().toString());
    }
}
