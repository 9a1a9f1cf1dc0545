package example.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.reports.Status;
import dev.crashlab.reports.VulnerabilityClass;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.grade.Verdict;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Two or three writers saving the same settings file: with a temp file of a fixed name they share it, and
 * one writer's bytes land in the other's file; with a name of their own each, either value wins
 * whole. And a write-once store that returns to both writers has lost one acknowledged value.
 */
// CrashTests writes its reports where -Dcrashlab.reports says, which CrashTestsTest sets for a moment.
@ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ)
class RivalWritersTest {

    static void save(Path dir, String value, String tempName) throws IOException {
        Path temp = dir.resolve(tempName);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        Files.move(temp, dir.resolve("settings"), StandardCopyOption.ATOMIC_MOVE);
    }

    static String read(Path dir) throws IOException {
        Path f = dir.resolve("settings");
        return Files.exists(f) ? Files.readString(f) : null;
    }

    static CrashTarget.Builder settings(String name, String mine, String theirs) {
        return CrashTarget.builder(name)
                .setUp(dir -> save(dir, "colour=blue", "settings.tmp"))
                .writer(dir -> save(dir, "colour=green", mine))
                .rival(dir -> save(dir, "colour=ultramarine", theirs), "colour=ultramarine")
                .reader(RivalWritersTest::read, "colour=blue", "colour=green")
                .claims(Guarantee.G1);
    }

    @Test
    void writersSharingAFixedTempFileNameMixTheirValues() {
        CrashResult result = CrashCheck.run(settings("fixed-temp", "settings.tmp", "settings.tmp").build());
        Verdict race = result.verdict(Guarantee.G1, Context.RACE);
        assertEquals(Status.VIOLATED, race.status(), result.describe());
        assertTrue(race.describe().contains("while the rival wrote"), race.describe());
        assertEquals(VulnerabilityClass.SHARED_TEMP_NAME, race.vulnerability().kind(), race.describe());
        assertTrue(race.vulnerability().fix().suggestion().contains("every writer uses settings.tmp"), race.describe());
        assertTrue(CrashCheck.replay(settings("fixed-temp", "settings.tmp", "settings.tmp").build(),
                race.counterexample().seed()).isPresent(), "its token replays");
        assertTrue(dev.crashlab.scenarios.junit.CrashTests.of(settings("fixed-temp", "settings.tmp", "settings.tmp")
                .build()).anyMatch(t -> t.getDisplayName().equals("fixed-temp: G1 atomic visibility, race")),
                "the JUnit integration has a test for the race");
    }

    @Test
    void writersWithTempFilesOfTheirOwnLeaveOneWholeValue() {
        CrashResult result = CrashCheck.run(settings("own-temp", "settings.mine.tmp", "settings.theirs.tmp").build());
        assertEquals(Status.HELD, result.verdict(Guarantee.G1, Context.RACE).status(), result.describe());
        assertTrue(result.passed(), result.describe());
    }

    /** A third writer: each of the three is paused at each of its operations while each other one writes. */
    static CrashTarget.Builder threeWriters(String name, String first, String second, String third) {
        return settings(name, first, second).rival(dir -> save(dir, "colour=teal", third), "colour=teal");
    }

    @Test
    void threeWritersSharingAFixedTempFileNameAreCaught() {
        CrashResult result = CrashCheck.run(threeWriters("three-fixed", "settings.tmp", "settings.tmp", "settings.tmp")
                .build());
        Verdict race = result.verdict(Guarantee.G1, Context.RACE);
        assertEquals(Status.VIOLATED, race.status(), result.describe());
        assertTrue(race.describe().contains("while rival 1 wrote"), race.describe());
    }

    @Test
    void threeWritersWithTempFilesOfTheirOwnLeaveOneWholeValueAndEachIsPausedAtEachOperation() {
        CrashResult three = CrashCheck.run(threeWriters("three-own", "settings.a.tmp", "settings.b.tmp", "settings.c.tmp")
                .build());
        assertEquals(Status.HELD, three.verdict(Guarantee.G1, Context.RACE).status(), three.describe());
        assertTrue(three.passed(), three.describe());
        // the writers do the same N operations: two writers race in 2 ordered pairs (2 x N runs), three in 6
        long two = CrashCheck.run(settings("two-own", "settings.a.tmp", "settings.b.tmp").build())
                .verdict(Guarantee.G1, Context.RACE).checks();
        assertEquals(two * 3, three.verdict(Guarantee.G1, Context.RACE).checks(), three.describe());
    }

    @Test
    void aWriteOnceClaimIsBrokenWhenTwoOfThreeWritersAreAcknowledged() {
        CrashResult result = CrashCheck.run(threeWriters("three-last-wins", "settings.a.tmp", "settings.b.tmp",
                "settings.c.tmp").claims(Guarantee.G4).build());
        Verdict g4 = result.verdict(Guarantee.G4, Context.RACE);
        assertEquals(Status.VIOLATED, g4.status(), result.describe());
        assertTrue(g4.describe().contains("both acknowledged, one value lost"), g4.describe());
    }

    @Test
    void aWriteOnceClaimIsBrokenWhenBothWritersAreAcknowledged() {
        CrashResult result = CrashCheck.run(settings("last-wins", "settings.mine.tmp", "settings.theirs.tmp")
                .claims(Guarantee.G4).build());
        Verdict g4 = result.verdict(Guarantee.G4, Context.RACE);
        assertEquals(Status.VIOLATED, g4.status(), result.describe());
        assertTrue(g4.describe().contains("both acknowledged, one value lost"), g4.describe());
        assertEquals(VulnerabilityClass.PUBLISH_NOT_EXCLUSIVE, g4.vulnerability().kind(), g4.describe());
        assertTrue(g4.vulnerability().fix().suggestion().startsWith("publish settings exclusively"), g4.describe());
    }
}
