package dev.crashlab.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
 * The cheapest durable write there is: overwrite {@code size} bytes at the start of a file that is
 * already open and already allocated, then force it.
 *
 * <p>{@code force(false)} is fdatasync: the data and only the metadata needed to read it back.
 * {@code force(true)} is fsync: the inode too (here, the modification time). Nothing is created or
 * renamed, so no put of any store can be cheaper than this; it is the device's floor, and the gap
 * between it and {@link BareProtocolFloor} is what creating and publishing a new file costs.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class WriteForceFloor {

    @Param({"64", "4096", "1048576"})
    public int size;

    @Param({"disk", "tmpfs"})
    public String fs;

    private Path dir;
    private FileChannel channel;
    private ByteBuffer value;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = BenchDirs.fresh(fs, "write-" + size);
        channel = FileChannel.open(dir.resolve("floor"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        value = ByteBuffer.wrap(Values.random(size));
        write();
        channel.force(true);
        BenchDirs.syncAll();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        channel.close();
        BenchDirs.delete(dir);
    }

    private void write() throws IOException {
        value.clear();
        long position = 0;
        while (value.hasRemaining()) {
            position += channel.write(value, position);
        }
    }

    @Benchmark
    public void writeForceData() throws IOException {
        write();
        channel.force(false);
    }

    @Benchmark
    public void writeForceAll() throws IOException {
        write();
        channel.force(true);
    }
}
