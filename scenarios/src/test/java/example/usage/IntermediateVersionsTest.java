package example.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crashlab.faults.crash.ProcessCrash;
import dev.crashlab.reports.Status;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A migration that saves a file twice (the format upgraded, then the value changed): each save is
 * atomic, and the version in between is a legitimate one to find while it runs, but not once it
 * returned. Declared as a third allowed value, it is allowed exactly there.
 */
class IntermediateVersionsTest {

    static void save(Path dir, String value) throws IOException {
        Files.writeString(dir.resolve("config.tmp"), value);
        Files.move(dir.resolve("config.tmp"), dir.resolve("config"), StandardCopyOption.ATOMIC_MOVE);
    }

    static CrashTarget.Builder migration(String name) {
        return CrashTarget.builder(name)
                .setUp(dir -> save(dir, "v1"))
                .writer(dir -> {
                    save(dir, "v2");
                    save(dir, "v3");
                })
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .models(List.of(new ProcessCrash()));
    }

    static String read(Path dir) throws IOException {
        return Files.readString(dir.resolve("config"));
    }

    @Test
    void aVersionDeclaredAsPassedThroughIsAllowedWhileTheWriterRuns() {
        CrashResult result = CrashCheck.run(migration("declared").reader(IntermediateVersionsTest::read, "v1", "v3",
                List.of("v2")).build());
        assertEquals(Status.HELD, result.verdict(Guarantee.G1, Context.CONCURRENT_READER).status(), result.describe());
        assertEquals(Status.HELD, result.verdict(Guarantee.G2, Context.PROCESS_CRASH).status(), result.describe());
        assertEquals(Status.HELD, result.verdict(Guarantee.G3, Context.PROCESS_CRASH).status(), result.describe());
    }

    @Test
    void withoutItTheSameVersionIsAViolationAndAfterTheWriterReturnedItNeverIs() {
        CrashResult undeclared = CrashCheck.run(migration("undeclared").reader(IntermediateVersionsTest::read, "v1", "v3")
                .build());
        assertEquals(Status.VIOLATED, undeclared.verdict(Guarantee.G1, Context.CONCURRENT_READER).status(),
                undeclared.describe());
        assertEquals(Status.VIOLATED, undeclared.verdict(Guarantee.G2, Context.PROCESS_CRASH).status(),
                undeclared.describe());

        // a writer that stops at the intermediate version has not done what it promised
        CrashResult stopsEarly = CrashCheck.run(CrashTarget.builder("stops-early")
                .setUp(dir -> save(dir, "v1"))
                .writer(dir -> save(dir, "v2"))
                .reader(IntermediateVersionsTest::read, "v1", "v3", List.of("v2"))
                .claims(Guarantee.G1, Guarantee.G3).models(List.of(new ProcessCrash())).build());
        assertEquals(Status.VIOLATED, stopsEarly.verdict(Guarantee.G1, Context.CONCURRENT_READER).status(),
                stopsEarly.describe());
        assertEquals(Status.VIOLATED, stopsEarly.verdict(Guarantee.G3, Context.PROCESS_CRASH).status(),
                stopsEarly.describe());
    }
}
