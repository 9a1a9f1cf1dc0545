package study.kafka;

import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import dev.crashlab.reports.Guarantee;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.record.internal.FileLogInputStream.FileChannelRecordBatch;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.utils.Utils;
import study.Log;

/**
 * Three batches appended to a log segment file by {@link FileRecords#append}, each made durable by
 * {@link FileRecords#flush} (what LogSegment.flush does when a flush is due), the log directory
 * flushed after the first (as LocalLog.flush does for a new segment), before it is acknowledged.
 * The reader is what recovery keeps: the batches from the start up to the first that
 * is incomplete or fails its CRC (LogSegment.recover truncates there).
 */
public class LogSegmentTarget implements CrashTargetProvider {

    static final List<String> RECORDS = List.of("r1", "r2", "r3");

    @Override
    public CrashTarget target() {
        return CrashTarget.builder("kafka-log-append-flush")
                .writer(LogSegmentTarget::appendAndFlush)
                .oracle(LogSegmentTarget::recover, Log.describe(RECORDS, 0),
                        Log.oracle(RECORDS, 0))
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .notMine("org.apache.kafka.")
                .build();
    }

    static File segment(Path root) {
        return new File(root.toFile(), "00000000000000000000.log");
    }

    static void appendAndFlush(Path root) throws Exception {
        append(root, true);
    }

    /** With {@code flush} false, Kafka's default: the broker leaves flushing to the OS and relies on replication. */
    static void append(Path root, boolean flush) throws Exception {
        try (FileRecords log = FileRecords.open(segment(root))) {
            for (String r : RECORDS) {
                log.append(MemoryRecords.withRecords(Compression.NONE, new SimpleRecord(r.getBytes(StandardCharsets.UTF_8))));
                if (flush) {
                    log.flush();
                    if (r.equals(RECORDS.get(0))) {
                        // LocalLog.flush: a flushed range that includes a new segment flushes the log directory too
                        Utils.flushDirIfExists(root);
                    }
                }
                CrashTarget.ack(r);
            }
        }
    }

    static List<String> recover(Path root) throws Exception {
        List<String> found = new ArrayList<>();
        if (!segment(root).exists()) {
            return found;
        }
        try (FileRecords log = FileRecords.open(segment(root), false)) {
            for (FileChannelRecordBatch batch : log.batches()) {
                batch.ensureValid();
                for (Record r : batch) {
                    found.add(StandardCharsets.UTF_8.decode(r.value()).toString());
                }
            }
        } catch (CorruptRecordException | InvalidRecordException e) {
            // recovery truncates the segment at the first batch that is torn or fails its CRC
        }
        return found;
    }
}
