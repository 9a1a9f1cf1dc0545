package example.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.reports.Status;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

/**
 * A log's recovery runs whenever a process opens the store: after a restart, and also while another
 * process is still appending. Both recoveries here drop a torn tail and are right after a restart;
 * only the one that repairs in place is right beside a live writer. The other rewrites the log into
 * a new file and renames it over the log, the crash-safe way to repair a file; but the live writer
 * keeps appending to the file it opened, which no longer has the name, and every record it
 * acknowledges after that is lost.
 */
class LiveRecoveryTest {

    /** Truncates a torn last record away, in place: the live writer's file keeps its name. */
    static void truncateTornTail(Path dir) throws IOException {
        Path log = dir.resolve("log");
        if (!Files.exists(log)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(log);
        int keep = complete(bytes);
        if (keep < bytes.length) {
            try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
                ch.truncate(keep);
                ch.force(true);
            }
        }
    }

    /** Rewrites the complete records into a new file and renames it over the log ("compaction on open"). */
    static void rewriteWithoutTornTail(Path dir) throws IOException {
        Path log = dir.resolve("log");
        if (!Files.exists(log)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(log);
        Path repaired = dir.resolve("log.repair");
        try (FileChannel ch = FileChannel.open(repaired, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(bytes, 0, complete(bytes)));
            ch.force(true);
        }
        Files.move(repaired, log, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(dir)) {
            d.force(true);
        }
    }

    /** The length of the log's complete records: up to and including its last newline. */
    static int complete(byte[] log) {
        int end = log.length;
        while (end > 0 && log[end - 1] != '\n') {
            end--;
        }
        return end;
    }

    static CrashTarget.Builder log(String name, CrashTarget.Action recovery) {
        return AppendLogTest.log(name, true).recovery(recovery).claims(Guarantee.G1, Guarantee.G2, Guarantee.G3);
    }

    @Test
    void aRecoveryThatTruncatesATornTailInPlaceIsRightBesideALiveWriter() {
        CrashResult result = CrashCheck.run(log("truncating-log", LiveRecoveryTest::truncateTornTail).build());
        assertEquals(Status.HELD, result.verdict(Guarantee.G1, Context.CONCURRENT_READER).status(), result.describe());
        assertTrue(result.verdict(Guarantee.G1, Context.CONCURRENT_READER).checks() > 2 * AppendLogTest.RECORDS.size(),
                "judged at each pause point, and again once the resumed writer returned");
        assertTrue(result.passed(), result.describe());
    }

    @Test
    void aRecoveryThatRenamesARepairedCopyOverTheLogLosesWhatTheLiveWriterAcknowledges() {
        CrashResult result = CrashCheck.run(log("rewriting-log", LiveRecoveryTest::rewriteWithoutTornTail).build());
        for (PersistenceModel m : PersistenceModel.builtIn()) {
            assertEquals(Status.HELD, result.verdict(Guarantee.G2, m.name()).status(), "right after a restart:\n"
                    + result.describe());
            assertEquals(Status.HELD, result.verdict(Guarantee.G3, m.name()).status(), result.describe());
        }
        var live = result.verdict(Guarantee.G1, Context.CONCURRENT_READER);
        assertEquals(Status.VIOLATED, live.status(), result.describe());
        String told = live.describe();
        assertTrue(told.contains("the recovery ran while the writer was paused before operation #0; the writer resumed"
                + " and returned, then the recovery and the reader ran"), told);
        assertTrue(told.contains("reader saw: []"), told);
        assertTrue(told.contains("acknowledged: r1, r2, r3; the writer had returned"), told);
        assertTrue(told.contains("the recovery's operations at the pause:") && told.contains("MOVE")
                && told.contains("log.repair -> log") && told.contains("LiveRecoveryTest.rewriteWithoutTornTail"), told);
        assertTrue(CrashCheck.replay(log("rewriting-log", LiveRecoveryTest::rewriteWithoutTornTail).build(),
                live.counterexample().seed()).isPresent(), "its token replays");
    }
}
