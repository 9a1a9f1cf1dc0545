package dev.crashlab.faults.run;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test roots: every behaviour is checked on the default file system and on Jimfs. */
public final class Roots {

    private Roots() {
    }

    /** A fresh empty directory on Jimfs (the file system lives as long as the test holds it). */
    public static Path jimfs() throws IOException {
        FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
        return Files.createDirectories(fs.getPath("/run"));
    }

    public static Path on(String kind, Path tempDir) throws IOException {
        return kind.equals("jimfs") ? jimfs() : Files.createDirectories(tempDir.resolve("root"));
    }
}
