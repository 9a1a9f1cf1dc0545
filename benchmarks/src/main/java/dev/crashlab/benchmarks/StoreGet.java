package dev.crashlab.benchmarks;

import dev.crashlab.store.Codecs;
import dev.crashlab.store.WriteOnceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one get of an existing entry costs: open, read, checksum, hand the value over.
 *
 * <p>A get is the store's other half, and the harness's most frequent one: every crash state is
 * read back through it. Unlike a put it waits for no device, since the entry just written sits in
 * the page cache, so this measures the store's reading itself: the system calls, and how many
 * times each of the value's bytes is touched (copied from the kernel, checksummed, copied into
 * the array the caller gets). At 1 MiB the copies dominate, so a reader that touches the bytes once
 * less shows here and nowhere else.
 *
 * <p>The same key every time: entries are write-once, so a get never changes what the next one
 * reads, and no invocation-level setup is needed (its bookkeeping would cost as much as a small
 * get). The value is returned, so JMH consumes it and the JIT cannot drop the read as dead code.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class StoreGet {

    @Param({"64", "4096", "1048576"})
    public int size;

    @Param({"disk", "tmpfs"})
    public String fs;

    private Path dir;
    private WriteOnceStore<byte[]> store;

    @Setup
    public void open() throws IOException {
        dir = BenchDirs.fresh(fs, "get-" + size);
        store = WriteOnceStore.builder(dir, Codecs.bytes()).build();
        store.put("key", Values.random(size));
    }

    @TearDown
    public void close() {
        BenchDirs.delete(dir);
    }

    @Benchmark
    public byte[] get() throws IOException {
        return store.get("key").orElseThrow();
    }
}
