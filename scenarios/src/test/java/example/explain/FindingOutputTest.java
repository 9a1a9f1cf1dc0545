package example.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shape of a finding as a person reads it, kept by golden files (as Lincheck keeps its expected
 * logs): the vulnerability, the fix and the operations at stake first, then the detailed trace.
 * A change to the output fails here and is reviewed; {@code -Dcrashlab.golden.update=true} rewrites
 * the files under src/test/resources/golden.
 */
public class FindingOutputTest {

    @Test
    void aCrashStateFinding() throws IOException {
        CrashResult result = CrashCheck.run(VulnerabilityTest.config("no-file-fsync",
                dir -> GoldenWriters.renameWithoutFileFsync(dir, "v2")).build());
        matches("crash-state-finding.txt", result.verdict(Guarantee.G2, Context.EXT4_LIKE).describe());
    }

    @Test
    void aPausedReaderFinding() throws IOException {
        CrashResult result = CrashCheck.run(VulnerabilityTest.config("delete-then-rename",
                dir -> GoldenWriters.deleteThenRename(dir, "v2")).build());
        matches("paused-reader-finding.txt", result.verdict(Guarantee.G1, Context.CONCURRENT_READER).describe());
    }

    @Test
    void aReaderLockedOutByTheWriter() throws IOException {
        java.util.concurrent.locks.Lock engine = new java.util.concurrent.locks.ReentrantLock();
        CrashResult result = CrashCheck.run(VulnerabilityTest.config("engine-locked",
                        dir -> GoldenWriters.underEngineLock(dir, "v2", engine))
                .reader(dir -> GoldenWriters.readUnlessLocked(dir, engine), "v1", "v2").build());
        matches("reader-locked-out-finding.txt", result.verdict(Guarantee.G1, Context.CONCURRENT_READER).describe());
    }

    @Test
    void aRaceOfWritersSharingATempName() throws IOException {
        CrashResult result = CrashCheck.run(VulnerabilityTest.config("shared-temp",
                        dir -> GoldenWriters.saveThrough(dir, "v2", "config.tmp"))
                .rival(dir -> GoldenWriters.saveThrough(dir, "v333", "config.tmp"), "v333").build());
        matches("race-shared-temp-finding.txt", result.verdict(Guarantee.G1, Context.RACE).describe());
    }

    @Test
    void aRaceLostToAPublishThatIsNotExclusive() throws IOException {
        CrashResult result = CrashCheck.run(VulnerabilityTest.config("replacing-publish",
                        dir -> GoldenWriters.saveThrough(dir, "v2", "config.mine.tmp"))
                .rival(dir -> GoldenWriters.saveThrough(dir, "v3", "config.theirs.tmp"), "v3").claims(Guarantee.G4).build());
        matches("race-publish-not-exclusive-finding.txt", result.verdict(Guarantee.G4, Context.RACE).describe());
    }

    public static void matches(String golden, String actual) throws IOException {
        if (Boolean.getBoolean("crashlab.golden.update")) {
            Path file = Path.of("src/test/resources/golden", golden);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
            return;
        }
        try (InputStream in = FindingOutputTest.class.getResourceAsStream("/golden/" + golden)) {
            String expected = in == null ? "(no golden file " + golden + ": run with -Dcrashlab.golden.update=true)"
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(expected, actual, "the printed finding changed; if on purpose, regenerate with"
                    + " -Dcrashlab.golden.update=true and review the diff");
        }
    }
}
