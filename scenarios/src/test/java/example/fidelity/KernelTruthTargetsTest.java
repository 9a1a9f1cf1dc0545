package example.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.reports.Status;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.TargetFailedException;
import dev.crashlab.scenarios.grade.Verdict;
import dev.crashlab.reports.Guarantee;
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Correct writers that real code is full of, written as a user writes them, that the engine once
 * crashed on or raised false alarms about; and a writer it must refuse to judge.
 */
class KernelTruthTargetsTest {

    static String read(Path dir) throws IOException {
        Path file = dir.resolve("state");
        return Files.exists(file) ? Files.readString(file) : null;
    }

    /** java.io's temp file, fsynced through its descriptor, renamed, and the directory fsynced. */
    static void writeWithJavaIoTempFile(Path dir, String value) throws IOException {
        File temp = File.createTempFile("state", ".tmp", dir.toFile());
        try (FileOutputStream out = new FileOutputStream(temp)) {
            out.write(value.getBytes(StandardCharsets.UTF_8));
            out.getFD().sync();
        }
        Files.move(temp.toPath(), dir.resolve("state"), StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(dir)) {
            d.force(true);
        }
    }

    /** Renames first, then flushes and fsyncs the still-open writer: durable once it returns. */
    static void renameThenSync(Path dir, String value) throws IOException {
        Path temp = dir.resolve("state.tmp");
        FileOutputStream out = new FileOutputStream(temp.toFile());
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(value);
        Files.move(temp, dir.resolve("state"), StandardCopyOption.ATOMIC_MOVE);
        writer.flush();
        out.getChannel().force(true);
        writer.close();
        try (FileChannel d = FileChannel.open(dir)) {
            d.force(true);
        }
    }

    static CrashTarget.Builder target(String name, CrashTarget.Action writer) {
        return CrashTarget.builder(name)
                .setUp(dir -> writeWithJavaIoTempFile(dir, "v1"))
                .writer(writer)
                .reader(KernelTruthTargetsTest::read, "v1", "v2");
    }

    @Test
    void aJavaIoTempFileProtocolHoldsEverythingItClaims() {
        CrashResult result = CrashCheck.run(target("java-io-temp", dir -> writeWithJavaIoTempFile(dir, "v2"))
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3).build());
        assertTrue(result.passed(), result.describe());
    }

    @Test
    void anFsyncThroughTheHandleAfterTheRenameMakesThePutDurable() {
        CrashResult result = CrashCheck.run(target("rename-then-sync", dir -> renameThenSync(dir, "v2"))
                .claims(Guarantee.G3).build());
        for (PersistenceModel model : PersistenceModel.builtIn()) {
            Verdict g3 = result.verdict(Guarantee.G3, model.name());
            assertEquals(Status.HELD, g3.status(), g3.describe());
        }
        // the rename can persist before the data is flushed, so it is not crash-atomic: a true finding
        Verdict g2 = result.verdict(Guarantee.G2, "ext4-like");
        assertEquals(Status.NOT_CLAIMED, g2.status(), g2.describe());
    }

    @Test
    void aWriterWhoseFilesTheRecordingCannotSeeIsRefusedNotJudged() {
        TargetFailedException refused = assertThrows(TargetFailedException.class, () -> CrashCheck.run(
                target("another-process", dir -> {
                    Process sh = new ProcessBuilder("sh", "-c", "printf v2 > state").directory(dir.toFile()).start();
                    try {
                        assertEquals(0, sh.waitFor());
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }).claims(Guarantee.G1, Guarantee.G2, Guarantee.G3).build()));
        assertTrue(refused.getMessage().contains("state: 2 bytes on disk, 2 in the trace's replay"),
                refused.getMessage());
        assertTrue(Optional.ofNullable(refused.getMessage()).orElse("").contains("cannot be checked"),
                refused.getMessage());
    }
}
