package dev.crashlab.scenarios.examples;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Utils;

/**
 * A checkpoint file written the way Kafka's server-common {@code CheckpointFile.write(entries, sync)}
 * writes one (version line, entry count, one entry a line) into "NAME.tmp", then published with
 * kafka-clients' {@code Utils.atomicMoveWithFallback}, unmodified; and read back the way its
 * {@code CheckpointReadBuffer} reads one. Only the two callers below differ.
 */
final class KafkaCheckpoint {

    static final String FILE = "replication-offset-checkpoint";
    static final int VERSION = 0;

    private KafkaCheckpoint() {
    }

    /** As CheckpointFile with sync = true: flush, fsync the temp file, then move (which fsyncs the directory). */
    static void write(Path root, List<String> entries) throws IOException {
        Utils.atomicMoveWithFallback(writeSyncedTemp(root, entries), root.resolve(FILE));
    }

    /**
     * A careless caller: the same, minus the temp file's fsync. atomicMoveWithFallback still fsyncs
     * the directory, so the rename can reach the disk before the data (the ext4 zero-length files).
     */
    static void writeWithoutFsync(Path root, List<String> entries) throws IOException {
        Path file = root.resolve(FILE);
        Path temp = root.resolve(FILE + ".tmp");
        try (BufferedWriter writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            lines(writer, entries);
        }
        Utils.atomicMoveWithFallback(temp, file);
    }

    /**
     * A caller that fsyncs the temp file but passes needFlushParentDir = false and never fsyncs the
     * directory itself (as a loop of moves in one directory may, meaning to flush once at the end).
     */
    static void writeWithoutDirectoryFsync(Path root, List<String> entries) throws IOException {
        Utils.atomicMoveWithFallback(writeSyncedTemp(root, entries), root.resolve(FILE), false);
    }

    /** CheckpointFile.write's first half: the temp file, written through a buffer, flushed and fsynced. */
    private static Path writeSyncedTemp(Path root, List<String> entries) throws IOException {
        Path temp = root.resolve(FILE + ".tmp");
        try (FileOutputStream out = new FileOutputStream(temp.toFile());
             BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            lines(writer, entries);
            writer.flush();
            out.getFD().sync();
        }
        return temp;
    }

    private static void lines(BufferedWriter writer, List<String> entries) throws IOException {
        writer.write(Integer.toString(VERSION));
        writer.newLine();
        writer.write(Integer.toString(entries.size()));
        writer.newLine();
        for (String e : entries) {
            writer.write(e);
            writer.newLine();
        }
    }

    /**
     * As CheckpointReadBuffer.read: an empty file reads as no entries (Kafka's behaviour, which is
     * what turns a zero-length file into a silent loss), a malformed one throws.
     */
    static List<String> read(Path root) throws IOException {
        Path file = root.resolve(FILE);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line == null) {
                return List.of();
            }
            if (toInt(file, line) != VERSION) {
                throw new IOException("Unrecognised version: " + line + " in checkpoint file at: " + file);
            }
            line = reader.readLine();
            if (line == null) {
                return List.of();
            }
            int expected = toInt(file, line);
            List<String> entries = new ArrayList<>();
            for (line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.split(" ").length != 3) { // the offset checkpoint's "topic partition offset"
                    throw malformed(file, line);
                }
                entries.add(line);
            }
            if (entries.size() != expected) {
                throw new IOException("Expected [" + expected + "] entries in checkpoint file [" + file
                        + "], but found only [" + entries.size() + "]");
            }
            return entries;
        }
    }

    private static int toInt(Path file, String line) throws IOException {
        try {
            return Integer.parseInt(line);
        } catch (NumberFormatException e) {
            throw malformed(file, line);
        }
    }

    private static IOException malformed(Path file, String line) {
        return new IOException(String.format("Malformed line in checkpoint file [%s]: %s", file, line));
    }
}
