package dev.crashlab.benchmarks;

import dev.crashlab.store.Durability;
import dev.crashlab.store.Protocol;
import java.io.IOException;
import java.util.Map;
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
 * Group commit: {@code putAll} of {@code batch} entries under FILE_AND_DIRECTORY.
 *
 * <p>A durable put pays one file fsync and one directory fsync. {@code putAll} still fsyncs every
 * temp file, but the renames share one directory fsync, so per entry it should approach FILE's
 * cost. The table divides the score by {@code batch} and sets the per-entry cost beside SQLite's
 * per-insert cost (WAL, synchronous=FULL), the goal being "no worse than SQLite".
 *
 * <p>The score is per call (one putAll); it is not declared with @OperationsPerInvocation because
 * that cannot follow a parameter.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class GroupCommitPut {

    @Param({"16", "64"})
    public int batch;

    @Param({"64", "4096", "1048576"})
    public int size;

    @Param({"disk", "tmpfs"})
    public String fs;

    private StoreFixture store;
    private Map<String, byte[]> entries;

    @Setup(Level.Trial)
    public void open() throws IOException {
        store = new StoreFixture(fs, "group-" + batch + "-" + size, Durability.FILE_AND_DIRECTORY, Protocol.REFERENCE,
                size);
    }

    /** Fresh keys for the next call, and an empty directory when it holds enough; not measured. */
    @Setup(Level.Invocation)
    public void nextBatch() throws IOException {
        store.beforePuts(batch);
        entries = store.freshEntries(batch);
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    @Benchmark
    public void putAll() throws IOException {
        store.putAll(entries);
    }
}
