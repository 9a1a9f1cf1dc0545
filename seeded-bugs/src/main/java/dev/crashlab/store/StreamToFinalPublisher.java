package dev.crashlab.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Seeded bug stream-to-final (seed 000): the value is serialized straight into the final entry
 * file. A crash, or a serializer that throws, leaves a torn entry in plain sight (G1, G2), and,
 * like seed 000's store, a later put cannot repair it (G5).
 */
final class StreamToFinalPublisher implements Publisher {

    private final Steps steps;
    private final boolean syncFile;
    private final boolean syncDirectory;

    StreamToFinalPublisher(Steps steps, boolean syncFile, boolean syncDirectory) {
        this.steps = steps;
        this.syncFile = syncFile;
        this.syncDirectory = syncDirectory;
    }

    @Override
    public void publish(Put<?> put) throws IOException {
        FileChannel ch = steps.step("open entry file", put.entry, put, () -> FileChannel.open(put.entry,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
        try (ch) {
            OutputStream file = Channels.newOutputStream(ch);
            steps.step("write entry file", put.entry, put, () -> {
                EntryFormat.ValueStream value = EntryFormat.stream(file, put.keyBytes);
                encodeInto(put, value);
                value.finish();
                return null;
            });
            if (syncFile) {
                steps.step("fsync entry file", put.entry, put, () -> {
                    ch.force(true);
                    return null;
                });
            }
        }
        if (syncDirectory) {
            steps.syncDirectory(put.directory, put);
        }
    }

    private static <V> void encodeInto(Put<V> put, OutputStream out) throws IOException {
        put.codec.encode(put.value, out);
    }

    @Override
    public boolean replacesInvalid() {
        return false;
    }

    @Override
    public boolean checksValueFirst() {
        return false;
    }
}
