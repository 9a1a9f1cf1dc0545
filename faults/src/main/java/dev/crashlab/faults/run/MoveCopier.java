package dev.crashlab.faults.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A move performed as the JDK performs one across file systems (UnixCopyFile): remove the
 * destination if REPLACE_EXISTING, copy into a new file, then delete the source. Done through the
 * public API so that every step passes the instrumentation like the target's own I/O.
 */
final class MoveCopier {

    private MoveCopier() {
    }

    static void move(Path source, Path destination, CopyOption[] options, int chunk) throws IOException {
        if (Arrays.asList(options).contains(StandardCopyOption.REPLACE_EXISTING)) {
            Files.deleteIfExists(destination);
        }
        byte[] buffer = new byte[chunk];
        try (InputStream in = Files.newInputStream(source);
             SeekableByteChannel out = Files.newByteChannel(destination, StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.WRITE)) {
            int n;
            while ((n = in.readNBytes(buffer, 0, chunk)) > 0) {
                ByteBuffer piece = ByteBuffer.wrap(buffer, 0, n);
                while (piece.hasRemaining()) {
                    out.write(piece);
                }
            }
        }
        Files.delete(source);
    }
}
