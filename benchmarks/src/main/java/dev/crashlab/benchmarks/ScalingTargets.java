package dev.crashlab.benchmarks;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.api.CrashTarget;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The writers whose check time {@link Scaling} measures against their size {@code n}, one per term of
 * the cost model (docs/scaling.md). Each is a correct protocol whose oracle costs no more than its
 * reader, so a check explores every state (a violation would stop a model early) and its time is
 * crashlab's and the reader's alone:
 *
 * <ul>
 *   <li>{@code files}: n files, each published by temp file, fsync, rename, directory fsync and
 *       acknowledged; the reader lists the directory and reads every file (states grow with n, and so
 *       does each reading).
 *   <li>{@code appends}: a log of n records, each appended, fsynced and acknowledged; the reader reads
 *       the whole log and stops at the first record that is not whole (a torn tail).
 *   <li>{@code buffered}: one value of n KiB through an 8 KiB {@code BufferedOutputStream} into a
 *       temp file, fsynced, renamed, directory fsynced: n / 8 unsynced writes before one fsync (n = 1,024
 *       is the 1 MiB value of docs/scaling.md).
 *   <li>{@code reader}: the synced log of {@code appends}, read at a fixed cost (its size and its last
 *       record): what is left growing is crashlab's own work per state.
 * </ul>
 */
final class ScalingTargets {

    static final List<String> SHAPES = List.of("files", "appends", "buffered", "reader");
    static final int BUFFER = 8192;
    /** "record-000042\n": every record of a log has this length. */
    static final int RECORD = record(0).length;

    private ScalingTargets() {
    }

    static CrashTarget of(String shape, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, not " + n);
        }
        return switch (shape) {
            case "files" -> files(n);
            case "appends" -> appends(n);
            case "buffered" -> buffered(n);
            case "reader" -> fixedCostReader(n);
            default -> throw new IllegalArgumentException("no scaling shape " + shape + "; one of " + SHAPES);
        };
    }

    private static CrashTarget files(int n) {
        return CrashTarget.builder("scaling-files-" + n)
                .writer(root -> {
                    for (int i = 0; i < n; i++) {
                        String name = name(i);
                        Path temp = root.resolve(name + ".tmp");
                        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                            ch.write(ByteBuffer.wrap(("value of " + name).getBytes(StandardCharsets.US_ASCII)));
                            ch.force(true);
                        }
                        Files.move(temp, root.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                        fsyncDirectory(root);
                        CrashTarget.ack(name);
                    }
                })
                .oracle(ScalingTargets::wholeFiles, "whole files only, the first k, every acknowledged one",
                        (List<String> found, CrashTarget.Acknowledged acked) -> isPrefix(found, n)
                                && found.size() >= acked.labels().size())
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .build();
    }

    /** The names of the directory's whole files in order; a corrupt one stays as "name=CORRUPT", which no prefix holds. */
    private static List<String> wholeFiles(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".tmp")) {
                    out.add(Files.readString(p, StandardCharsets.US_ASCII).equals("value of " + name) ? name : name + "=CORRUPT");
                }
            }
        }
        return out;
    }

    private static boolean isPrefix(List<String> found, int n) {
        if (found.size() > n) {
            return false;
        }
        for (int i = 0; i < found.size(); i++) {
            if (!found.get(i).equals(name(i))) {
                return false;
            }
        }
        return true;
    }

    private static CrashTarget appends(int n) {
        return log("scaling-appends-" + n, n)
                .oracle(ScalingTargets::wholeRecords, "a prefix of the records holding every acknowledged one",
                        (Integer records, CrashTarget.Acknowledged acked) -> records <= n && records >= acked.labels().size())
                .build();
    }

    private static CrashTarget fixedCostReader(int n) {
        return log("scaling-reader-" + n, n)
                .oracle(ScalingTargets::lastRecord, "the records the log's size holds, the last one whole, every acknowledged one",
                        (Integer records, CrashTarget.Acknowledged acked) -> records >= 0 && records <= n
                                && records >= acked.labels().size())
                .build();
    }

    /** A log of n records, each appended, fsynced and acknowledged; the oracle is the caller's. */
    private static CrashTarget.Builder log(String name, int n) {
        return CrashTarget.builder(name)
                .setUp(root -> {
                    try (FileChannel ch = FileChannel.open(root.resolve("log"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                    fsyncDirectory(root);
                })
                .writer(root -> {
                    try (FileChannel ch = FileChannel.open(root.resolve("log"), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                        for (int i = 0; i < n; i++) {
                            ByteBuffer b = ByteBuffer.wrap(record(i));
                            while (b.hasRemaining()) {
                                ch.write(b);
                            }
                            ch.force(false);
                            CrashTarget.ack("record " + i);
                        }
                    }
                })
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3);
    }

    /** How many records from the start are whole and in order: a torn or garbled record ends the log, as framing would. */
    private static Integer wholeRecords(Path root) throws IOException {
        byte[] log = Files.readAllBytes(root.resolve("log"));
        int records = 0;
        while ((records + 1) * RECORD <= log.length
                && Arrays.equals(log, records * RECORD, (records + 1) * RECORD, record(records), 0, RECORD)) {
            records++;
        }
        return records;
    }

    /** The records the log's size holds if its last one is whole; -1 otherwise: one stat and one read whatever the log's length. */
    private static Integer lastRecord(Path root) throws IOException {
        try (FileChannel ch = FileChannel.open(root.resolve("log"), StandardOpenOption.READ)) {
            long records = ch.size() / RECORD;
            if (records == 0) {
                return 0;
            }
            ByteBuffer last = ByteBuffer.allocate(RECORD);
            while (last.hasRemaining() && ch.read(last, (records - 1) * RECORD + last.position()) > 0) {
                // a short read of a regular file is read on
            }
            boolean whole = Arrays.equals(last.array(), record((int) records - 1));
            // A torn last record (the size persisted, the bytes not) is one fewer whole record.
            return whole ? (int) records : (int) records - 1;
        }
    }

    private static CrashTarget buffered(int n) {
        byte[] value = Values.random(n * 1024);
        return CrashTarget.builder("scaling-buffered-" + n)
                .writer(root -> {
                    Path temp = root.resolve("value.tmp");
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp,
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), BUFFER)) {
                        // Written in pieces that do not line up with the buffer, as a serializer writes.
                        for (int at = 0; at < value.length; at += 1000) {
                            out.write(value, at, Math.min(1000, value.length - at));
                        }
                    }
                    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                    Files.move(temp, root.resolve("value"), StandardCopyOption.ATOMIC_MOVE);
                    fsyncDirectory(root);
                    CrashTarget.ack("value");
                })
                .oracle(root -> {
                    try {
                        return Arrays.equals(Files.readAllBytes(root.resolve("value")), value) ? "whole" : "corrupt";
                    } catch (NoSuchFileException e) {
                        return "absent";
                    }
                }, "absent or the whole value, whole once acknowledged",
                        (String found, CrashTarget.Acknowledged acked) -> found.equals("whole")
                                || found.equals("absent") && acked.labels().isEmpty())
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .build();
    }

    private static void fsyncDirectory(Path root) throws IOException {
        try (FileChannel dir = FileChannel.open(root, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    static String name(int i) {
        return String.format("f%06d", i);
    }

    static byte[] record(int i) {
        return String.format("record-%06d\n", i).getBytes(StandardCharsets.US_ASCII);
    }
}
