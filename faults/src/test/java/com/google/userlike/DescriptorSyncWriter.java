package com.google.userlike;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A writer in a package of a well-known library's name: the instrumentation once skipped such
 * packages wholesale, and this class's fsync went unseen. Only crashlab's own code may be skipped.
 */
public final class DescriptorSyncWriter {

    private DescriptorSyncWriter() {
    }

    public static void write(Path file, byte[] bytes) throws IOException {
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            out.write(bytes);
            out.getFD().sync();
        }
    }
}
