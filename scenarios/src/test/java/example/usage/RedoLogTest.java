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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

/**
 * A store that updates its file in place, safely only because a redo log comes first and its
 * recovery replays it: judged as it would be after a restart, with the recovery run on each crash
 * state before the reader.
 */
class RedoLogTest {

    static void write(Path file, String text) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
    }

    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir)) {
            d.force(true);
        }
    }

    /** The redo log's record: the value, then its CRC32, so a torn or garbage log is told apart. */
    static String record(String value) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(value.getBytes(StandardCharsets.ISO_8859_1));
        return value + "\n" + Long.toHexString(crc.getValue()) + "\n";
    }

    /** Log the new value, update in place, drop the log. */
    static void save(Path dir, String value) throws IOException {
        write(dir.resolve("state.redo"), record(value));
        syncDirectory(dir);
        write(dir.resolve("state"), value);
        Files.delete(dir.resolve("state.redo"));
        syncDirectory(dir);
    }

    /**
     * A redo log whose checksum holds is replayed; a torn or garbage one never reached the file and is
     * dropped. Read as bytes, not strict UTF-8: a power failure can leave garbage, which a strict
     * decoder refuses, failing the recovery (weakest-posix shows it).
     */
    static void recover(Path dir) throws IOException {
        Path redo = dir.resolve("state.redo");
        if (Files.exists(redo)) {
            String logged = Files.readString(redo, StandardCharsets.ISO_8859_1);
            int end = logged.indexOf('\n');
            if (end >= 0 && logged.equals(record(logged.substring(0, end)))) {
                write(dir.resolve("state"), logged.substring(0, end));
            }
            Files.delete(redo);
            syncDirectory(dir);
        }
    }

    static String read(Path dir) throws IOException {
        return Files.readString(dir.resolve("state"), StandardCharsets.UTF_8);
    }

    static CrashTarget.Builder store(String name) {
        return CrashTarget.builder(name)
                .setUp(dir -> {
                    write(dir.resolve("state"), "v1");
                    syncDirectory(dir);
                })
                .writer(dir -> save(dir, "version-2"))
                .reader(RedoLogTest::read, "v1", "version-2")
                .claims(Guarantee.G2, Guarantee.G3);
    }

    @Test
    void theRecoveryMakesTheInPlaceUpdateCrashAtomic() {
        CrashResult result = CrashCheck.run(store("redo-log").recovery(RedoLogTest::recover).build());
        for (PersistenceModel m : PersistenceModel.builtIn()) {
            assertEquals(Status.HELD, result.verdict(Guarantee.G2, m.name()).status(), result.describe());
            assertEquals(Status.HELD, result.verdict(Guarantee.G3, m.name()).status(), result.describe());
        }
    }

    @Test
    void aRecoveryThatReplaysATornLogIsCaughtWithItsOperationsListed() {
        CrashResult result = CrashCheck.run(store("redo-log-trusting").recovery(dir -> {
            Path redo = dir.resolve("state.redo");
            if (Files.exists(redo)) {
                // trusts the log without its checksum: a torn log is replayed as if it were whole
                write(dir.resolve("state"), Files.readString(redo, StandardCharsets.ISO_8859_1).split("\n", -1)[0]);
                Files.delete(redo);
            }
        }).build());
        var torn = result.verdict(Guarantee.G2, Context.WEAKEST_POSIX);
        assertEquals(Status.VIOLATED, torn.status(), result.describe());
        assertTrue(torn.describe().contains("the recovery's operations on it:\n    #0   TRUNCATE        state")
                && torn.describe().contains("DELETE          state.redo"), torn.describe());
    }

    @Test
    void withoutItsRecoveryTheSameFilesReadTorn() {
        CrashResult result = CrashCheck.run(store("redo-log-unrecovered").build());
        var torn = result.verdict(Guarantee.G2, Context.PROCESS_CRASH);
        assertEquals(Status.VIOLATED, torn.status(), result.describe());
        assertTrue(torn.describe().contains("state.redo"), "the log the reader ignored is in the state:\n" + torn.describe());
    }
}
