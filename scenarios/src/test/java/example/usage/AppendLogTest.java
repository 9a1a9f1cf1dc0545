package example.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.reports.Status;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.reports.Fix;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Vulnerability;
import dev.crashlab.reports.VulnerabilityClass;
import dev.crashlab.reports.Guarantee;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A write-ahead log, where the truth is not one value but "a prefix of the records written, and
 * all of them once the writer returned": checked with an oracle instead of exact values.
 */
class AppendLogTest {

    static final List<String> RECORDS = List.of("r1", "r2", "r3");

    /** Appends each record, fsyncs it if asked, then acknowledges it to its caller (CrashTarget.ack). */
    static void append(Path dir, boolean fsyncEach) throws IOException {
        try (FileChannel log = FileChannel.open(dir.resolve("log"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            for (String record : RECORDS) {
                log.write(ByteBuffer.wrap((record + "\n").getBytes(StandardCharsets.UTF_8)));
                if (fsyncEach) {
                    log.force(false);
                }
                CrashTarget.ack(record);
            }
        }
    }

    /** The log's recovery: complete lines only; a torn or zero-filled tail is what a crash leaves, not a record. */
    static List<String> read(Path dir) throws IOException {
        Path log = dir.resolve("log");
        if (!Files.exists(log)) {
            return List.of();
        }
        String text = Files.readString(log, StandardCharsets.ISO_8859_1);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : Arrays.asList(text.substring(0, end).split("\n"));
    }

    /** The log exists, empty, and durably (its directory entry fsynced), before any record is appended. */
    static void create(Path dir) throws IOException {
        Files.createFile(dir.resolve("log"));
        try (FileChannel d = FileChannel.open(dir)) {
            d.force(true);
        }
    }

    static CrashTarget.Builder log(String name, boolean fsyncEach) {
        return CrashTarget.builder(name)
                .setUp(AppendLogTest::create)
                .writer(dir -> append(dir, fsyncEach))
                .oracle(AppendLogTest::read, "a prefix of r1, r2, r3 holding every record acknowledged",
                        (List<String> found, CrashTarget.Acknowledged acked) -> found.size() <= RECORDS.size()
                                && RECORDS.subList(0, found.size()).equals(found) && found.containsAll(acked.labels()))
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3);
    }

    @Test
    void aLogThatFsyncsEachRecordHoldsItsPrefixOracle() {
        CrashResult result = CrashCheck.run(log("fsynced-log", true).build());
        for (PersistenceModel m : PersistenceModel.builtIn()) {
            assertEquals(Status.HELD, result.verdict(Guarantee.G2, m.name()).status(), result.describe());
        }
        assertEquals(Status.HELD, result.verdict(Guarantee.G1, Context.CONCURRENT_READER).status(), result.describe());
    }

    @Test
    void withoutTheFsyncAPowerFailureLosesAcknowledgedRecords() {
        CrashResult result = CrashCheck.run(log("unsynced-log", false).build());
        // ext4 writes a file's unsynced data back in order: what survives is still a prefix
        assertEquals(Status.HELD, result.verdict(Guarantee.G2, Context.EXT4_LIKE).status(), result.describe());
        assertEquals(Status.HELD, result.verdict(Guarantee.G3, Context.PROCESS_CRASH).status(), result.describe());
        for (Context powerFailure : Context.POWER_FAILURE) {
            assertEquals(Status.VIOLATED, result.verdict(Guarantee.G3, powerFailure).status(), result.describe());
        }
        var lost = result.verdict(Guarantee.G3, Context.EXT4_LIKE);
        assertTrue(lost.describe().contains("allowed:    a prefix of r1, r2, r3 holding every record acknowledged"
                + " (acknowledged: r1"), lost.describe());
    }

    @Test
    void theLostRecordsAreExplainedAsUnsyncedAppendsAndAnFsyncAfterEachOneIsTheVerifiedFix() {
        CrashResult result = CrashCheck.run(log("unsynced-log", false).build());
        for (Context powerFailure : Context.POWER_FAILURE) {
            Vulnerability why = result.verdict(Guarantee.G3, powerFailure).vulnerability();
            assertEquals(VulnerabilityClass.TORN_APPEND, why.kind(), why.describe(powerFailure.wireName()));
            assertEquals(Fix.Outcome.VERIFIED, why.fix().outcome(), why.describe(powerFailure.wireName()));
            assertTrue(why.fix().suggestion().startsWith("fsync log after each append"), why.fix().suggestion());
        }
    }

    @Test
    void aRecordIsPromisedFromItsAcknowledgementOnNotOnlyWhenTheWriterReturns() {
        CrashResult result = CrashCheck.run(log("fsynced-log", true).build());
        for (PersistenceModel m : PersistenceModel.builtIn()) {
            var g3 = result.verdict(Guarantee.G3, m.name());
            assertEquals(Status.HELD, g3.status(), result.describe());
            assertTrue(g3.checks() > 1, "states before the writer returned were judged against the records acknowledged"
                    + " there: " + g3.title());
        }
    }
}
