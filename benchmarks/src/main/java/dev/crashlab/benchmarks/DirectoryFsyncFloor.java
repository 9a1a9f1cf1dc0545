package dev.crashlab.benchmarks;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A directory fsync alone, done the way the store does it (open the directory, force, close).
 *
 * <p>{@code clean}: nothing changed in the directory since the last fsync, so this is the price of
 * the system calls and of whatever cache flush the file system issues regardless.
 * {@code afterRename}: one rename made the directory dirty first (the rename is measured too, but
 * costs microseconds), which is the case a put's directory fsync is in.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class DirectoryFsyncFloor {

    @Param({"disk", "tmpfs"})
    public String fs;

    private Path dir;
    private Path a;
    private Path b;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = BenchDirs.fresh(fs, "dirsync");
        a = dir.resolve("a");
        b = dir.resolve("b");
        Files.write(a, new byte[] {1});
        BenchDirs.syncAll();
    }

    @TearDown(Level.Trial)
    public void close() {
        BenchDirs.delete(dir);
    }

    private void fsyncDirectory() throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    @Benchmark
    public void clean() throws IOException {
        fsyncDirectory();
    }

    @Benchmark
    public void afterRename() throws IOException {
        Files.move(a, b);
        Path t = a;
        a = b;
        b = t;
        fsyncDirectory();
    }
}
