package example.readme;

// readme: imports
import dev.crashlab.faults.crash.Ordered;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.crash.ProcessCrash;
import dev.crashlab.faults.crash.WeakestPosix;
import dev.crashlab.faults.plan.CrossDeviceMove;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.junit.CrashTest;
import dev.crashlab.scenarios.junit.CrashTests;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
// readme: end

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.reports.Context;
import dev.crashlab.reports.Status;
import example.library.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * docs/checking-your-own-code.md (and the README's example), as code: each region between {@code // readme: NAME} and
 * {@code // readme: end} is a snippet a page shows verbatim ({@link ReadmeSnippetsTest} compares
 * them), so each compiles with this module, and each test here runs it and checks what the README
 * says of it.
 */
// CrashTests writes its reports where -Dcrashlab.reports says, which CrashTestsTest sets for a moment.
@ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ)
class CheckingYourOwnCodeTest {

    static final List<String> RECORDS = List.of("r1", "r2", "r3");

    private final CrashTarget target = new CheckpointCrashTarget().target();

    @Test
    void aTargetItsCheckItsReportAndItsReplay() {
        // readme: target
        CrashTarget target = CrashTarget.builder("checkpoint")
                .setUp(root -> Checkpoint.write(root, "v1"))     // run first; never crashed, never traced
                .writer(root -> Checkpoint.write(root, "v2"))    // recorded, crashed and paused at every I/O point
                .reader(Checkpoint::read, "v1", "v2")            // what it finds before the write, and after it returned
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .models(PersistenceModel.builtIn())              // the default: process-crash, ordered, ext4-like, weakest-posix
                .faults(new CrossDeviceMove())                   // environments to survive: here, the temp file on another file system
                .build();
        CrashResult result = CrashCheck.run(target);             // result.passed(), result.verdict(G2, "ext4-like"), result.describe()
        result.toReport(Instant.now());                          // the campaign's report model: report.json, HTML, Markdown, JUnit XML
        CrashCheck.replay(target, "checkpoint:0:ext4-like:1");   // one counterexample again, from its replay token
        // readme: end
        assertTrue(result.passed(), result.describe());
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("G3 is not applicable")),
                "ATOMIC_MOVE fails across file systems, so the writer fails there: " + result.notes());
    }

    @Test
    void acknowledgementsAndAPrefixOracle() {
        // readme: acknowledged
        CrashTarget log = CrashTarget.builder("log")
                .setUp(Log::create)
                .writer(root -> {
                    for (String record : RECORDS) {
                        Log.append(root, record);                // one write, then an fsync
                        CrashTarget.ack(record);                 // from here on a crash must not lose it
                    }
                })
                .oracle(Log::read, "a prefix of r1, r2, r3 holding every record acknowledged",
                        (List<String> found, CrashTarget.Acknowledged acked) -> found.size() <= RECORDS.size()
                                && RECORDS.subList(0, found.size()).equals(found)
                                && found.containsAll(acked.labels()))
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .build();
        // readme: end
        CrashResult result = CrashCheck.run(log);
        assertTrue(result.passed(), result.describe());
        assertTrue(result.verdict(Guarantee.G3, Context.WEAKEST_POSIX).checks() > 1,
                "crash states before the writer returned are judged against what was acknowledged there");
    }

    @Test
    void aValueThatPassesThroughAnIntermediateVersion() {
        // readme: intermediate
        CrashTarget migration = CrashTarget.builder("migration")
                .setUp(root -> Checkpoint.write(root, "v1"))
                .writer(root -> {
                    Checkpoint.write(root, "v2");                // the format upgraded
                    Checkpoint.write(root, "v3");                // then the value changed
                })
                .reader(Checkpoint::read, "v1", "v3", List.of("v2")) // v2 may be found while it runs, never after
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .build();
        // readme: end
        CrashResult result = CrashCheck.run(migration);
        assertTrue(result.passed(), result.describe());
    }

    @Test
    void anyModelWithItsParametersAndClaimsPerModel() {
        // readme: models
        CrashTarget unsyncedRename = CrashTarget.builder("no-directory-fsync")
                .setUp(root -> Checkpoint.write(root, "v1"))
                .writer(root -> Checkpoint.writeWithoutDirectoryFsync(root, "v2"))
                .reader(Checkpoint::read, "v1", "v2")
                .models(List.of(new ProcessCrash(), new Ordered(), new WeakestPosix(512))) // reported as weakest-posix/512
                .claims(Guarantee.G1, Guarantee.G2)
                .claimsUnder(Guarantee.G3, "process-crash")      // durable only where the page cache survives
                .build();
        // readme: end
        CrashResult result = CrashCheck.run(unsyncedRename);
        assertTrue(result.passed(), result.describe());
        assertEquals(Status.HELD, result.verdict(Guarantee.G3, Context.PROCESS_CRASH).status(), result.describe());
        assertEquals(Status.NOT_CLAIMED, result.verdict(Guarantee.G3, "weakest-posix/512").status(), result.describe());
    }

    @Test
    void aRecoveryRunBeforeEveryReading() {
        // readme: recovery
        CrashTarget recovered = CrashTarget.builder("recovered-log")
                .setUp(Log::create)
                .writer(root -> Log.append(root, "r1"))
                .recovery(Log::truncateTornTail)                 // after a restart, and beside the live writer
                .reader(Log::read, List.of(), List.of("r1"))
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .build();
        // readme: end
        CrashResult result = CrashCheck.run(recovered);
        assertTrue(result.passed(), result.describe());
    }

    @Test
    void severalWritersOnTheSameFile() {
        // readme: rivals
        CrashTarget settings = CrashTarget.builder("settings")
                .setUp(root -> Settings.save(root, "colour=blue"))
                .writer(root -> Settings.save(root, "colour=green"))
                .rival(root -> Settings.save(root, "colour=teal"), "colour=teal")   // what it leaves alone
                .rival(root -> Settings.save(root, "colour=ultramarine"), "colour=ultramarine")
                .reader(Settings::load, "colour=blue", "colour=green")
                .claims(Guarantee.G1)
                .build();
        // readme: end
        CrashResult result = CrashCheck.run(settings);
        assertEquals(Status.HELD, result.verdict(Guarantee.G1, Context.RACE).status(), result.describe());
        assertTrue(result.passed(), result.describe());
    }

    @Test
    void aLibraryThatIsNotYours() {
        // readme: not-mine
        CrashTarget config = CrashTarget.builder("config")
                .setUp(root -> Files.writeString(root.resolve("config"), "v1"))
                .writer(root -> {
                    Files.writeString(root.resolve("config.tmp"), "v2");
                    AtomicFiles.replace(root.resolve("config.tmp"), root.resolve("config"));
                })
                .reader(root -> Files.readString(root.resolve("config")), "v1", "v2")
                .claims(Guarantee.G2)
                .notMine("example.library.")                     // e.g. "org.apache.kafka.": lines point at your calls
                .build();
        // readme: end
        CrashResult result = CrashCheck.run(config);
        String finding = result.verdict(Guarantee.G2, Context.EXT4_LIKE).describe();
        assertTrue(finding.contains("at example.readme.CheckingYourOwnCode"), finding);
        assertTrue(!finding.contains("at example.library.AtomicFiles"), finding);
    }

    @Test
    void badUsageIsRefusedWithWhatToFix() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> {
            // readme: bad-usage
            CrashTarget.builder("no-models").models(List.of());
            // IllegalArgumentException: a target needs at least one persistence model to judge G2 and G3 under, e.g. .models(PersistenceModel.builtIn())
            // readme: end
        });
        assertEquals(ReadmeSnippetsTest.region("bad-usage").lines().filter(l -> l.startsWith("// IllegalArgumentException: "))
                .findFirst().orElseThrow().substring("// IllegalArgumentException: ".length()), refused.getMessage());
    }

    // readme: junit
    @CrashTest
    Stream<DynamicTest> checkpoint() {
        return CrashTests.of(target);
    }
    // readme: end
}
