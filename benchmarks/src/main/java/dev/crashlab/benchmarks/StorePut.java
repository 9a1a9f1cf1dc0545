package dev.crashlab.benchmarks;

import java.io.IOException;
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
 * What one put costs under each durability option, and under the seeded bugs that skip a step.
 *
 * <p>This is the question a user asks: "if I want G3 (a put that returned survives a power
 * failure), how much longer does each put take?". The answer is dominated by the fsyncs, so the
 * same puts run on the real disk and on tmpfs, where an fsync has no device to wait for.
 *
 * <p>Sample time rather than average time: a durable put's latency has a long tail (the journal
 * commit of the file system), and the p99 is what a request waiting on the put feels. JMH samples
 * individual invocations, so the percentiles are real ones.
 *
 * <p>Each invocation stores a fresh key: entries are write-once, and a put of a key that already
 * holds the value is a no-op that would measure only a read.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class StorePut {

    @Param({"NONE", "FILE", "FILE_AND_DIRECTORY", "stream-to-final", "rename-no-fsync", "no-dir-fsync"})
    public String option;

    @Param({"64", "4096", "1048576"})
    public int size;

    @Param({"disk", "tmpfs"})
    public String fs;

    private StoreFixture store;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Option o = Option.of(option);
        store = new StoreFixture(fs, "put-" + option + "-" + size, o.durability, o.protocol, size);
    }

    /**
     * Outside the measured time: empties the directory once it holds enough. Invocation-level setup
     * is affordable here because the cheapest put (NONE on tmpfs) still takes microseconds.
     */
    @Setup(Level.Invocation)
    public void keepDirectorySmall() throws IOException {
        store.beforePuts(1);
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    @Benchmark
    public void put() throws IOException {
        store.put();
    }
}
