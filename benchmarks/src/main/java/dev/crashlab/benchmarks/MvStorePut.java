package dev.crashlab.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
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
 * The other embedded peer: H2's MVStore (a log-structured, copy-on-write B-tree in one file),
 * committing after every put.
 *
 * <p>What MVStore promises: {@code commit()} appends a chunk and a new header to the file, so after
 * a process crash the store reopens at the last commit (the page cache survives). It does not
 * fsync: after a power failure the last commits may be gone, roughly FILE's promise. Only
 * {@code sync()} ({@code FileChannel.force(true)}) makes them durable, so {@code commitAndSync}
 * is the counterpart of FILE_AND_DIRECTORY. The background auto-commit is disabled so that every
 * commit is this benchmark's.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class MvStorePut {

    @Param({"64", "4096", "1048576"})
    public int size;

    @Param({"disk", "tmpfs"})
    public String fs;

    private Path dir;
    private MVStore store;
    private MVMap<String, byte[]> map;
    private byte[] value;
    private long next;
    private final DirectoryBudget budget = new DirectoryBudget();

    @Setup(Level.Trial)
    public void open() {
        dir = BenchDirs.fresh(fs, "mvstore-" + size);
        store = new MVStore.Builder().fileName(dir.resolve("bench.mv").toString()).autoCommitDisabled().open();
        map = store.openMap("entries");
        value = Values.random(size);
        BenchDirs.syncAll();
    }

    @Setup(Level.Invocation)
    public void keepMapSmall() {
        if (budget.spend(1, size)) {
            map.clear();
            store.commit();
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
        BenchDirs.delete(dir);
    }

    @Benchmark
    public long commit() {
        map.put(Long.toString(next++), value);
        return store.commit();
    }

    @Benchmark
    public long commitAndSync() {
        map.put(Long.toString(next++), value);
        long version = store.commit();
        store.sync();
        return version;
    }
}
