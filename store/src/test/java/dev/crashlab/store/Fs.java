package dev.crashlab.store;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The file systems every store test runs on: an in-memory one and the real disk. */
enum Fs {
    JIMFS {
        @Override
        Path newRoot(Path diskTemp) {
            try {
                return Files.createDirectories(Jimfs.newFileSystem(Configuration.unix()).getPath("/work/store"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    },
    DISK {
        @Override
        Path newRoot(Path diskTemp) {
            try {
                return Files.createDirectories(diskTemp.resolve("store"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    /** A fresh, empty root directory; {@code diskTemp} is the test's own temporary directory. */
    abstract Path newRoot(Path diskTemp);
}
