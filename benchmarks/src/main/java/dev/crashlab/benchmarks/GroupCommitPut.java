package dev.crashlab.benchmarks;

import dev.crashlab.store.Codecs;
import dev.crashlab.store.Durability;
import dev.crashlab.store.WriteOnceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

    private Path dir;
    private WriteOnceStore<byte[]> store;
    private byte[] value;
    private long next;
    private Map<String, byte[]> entries;
    private final DirectoryBudget budget = new DirectoryBudget();

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = BenchDirs.fresh(fs, "group-" + batch + "-" + size);
        store = WriteOnceStore.builder(dir, Codecs.bytes()).durability(Durability.FILE_AND_DIRECTORY).build();
        value = Values.random(size);
        BenchDirs.syncAll();
    }

    /** Fresh keys for the next call, and an empty directory when it holds enough; not measured. */
    @Setup(Level.Invocation)
    public void nextBatch() throws IOException {
        if (budget.spend(batch, (long) batch * size)) {
            store.clear();
        }
        entries = new LinkedHashMap<>();
        for (int i = 0; i < batch; i++) {
            entries.put(Long.toString(next++), value);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        BenchDirs.delete(dir);
    }

    @Benchmark
    public void putAll() throws IOException {
        store.putAll(entries);
    }
}
