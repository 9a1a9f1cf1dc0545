package dev.crashlab.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * The textbook crash-safe replace, as bare system calls: write a temp file, fsync it, rename it
 * over the file, fsync the directory. With {@link WriteForceFloor#writeForceAll} (a write and an
 * fsync) it is the floor a user's writer is divided by: what this machine charges for the two ways
 * of making a write durable, with no code of anyone's around them.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class ReplaceFloor {

    @Param({"4096"})
    public int size;

    @Param({"disk", "tmpfs"})
    public String fs;

    private Path dir;
    private Path file;
    private Path temp;
    private byte[] value;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = BenchDirs.fresh(fs, "replace-" + size);
        file = dir.resolve("floor");
        temp = dir.resolve("floor.tmp");
        value = Values.random(size);
        Files.write(file, value);
        BenchDirs.syncAll();
    }

    @TearDown(Level.Trial)
    public void close() {
        BenchDirs.delete(dir);
    }

    @Benchmark
    public void replace() throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(value);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
