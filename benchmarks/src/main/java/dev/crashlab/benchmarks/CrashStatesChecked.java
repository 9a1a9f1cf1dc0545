package dev.crashlab.benchmarks;

import dev.crashlab.faults.crash.CrashStates;
import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.Materialized;
import dev.crashlab.faults.crash.Materializer;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * The harness's own speed: crash states checked per second. A campaign's length is its number of
 * crash states divided by this, so this figure says how large a workload CI can afford.
 *
 * <p>One invocation explores every distinct crash state a persistence model allows for the trace
 * of {@code puts} reference puts (the trace is written out here as the instrumentation would
 * record it), materializes each one in memory (Jimfs) and checks it the trivial way: every entry
 * read back. The states are counted with {@link AuxCounters}, so JMH reports states per second
 * next to explorations per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class CrashStatesChecked {

    private static final byte[] VALUE = "a small value of forty bytes, like a key".getBytes(StandardCharsets.UTF_8);

    @Param({"process-crash", "ordered", "ext4-like", "weakest-posix"})
    public String model;

    @Param({"1", "3"})
    public int puts;

    private CrashStates states;
    private PersistenceModel persistence;
    private Materializer materializer;

    /** Counted per iteration; as OPERATIONS, JMH reports them per second like the primary score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Checked {
        public long states;

        @Setup(Level.Iteration)
        public void reset() {
            states = 0;
        }
    }

    @Setup(Level.Trial)
    public void open() {
        states = new CrashStates(referencePuts(puts));
        persistence = model(model);
        materializer = Materializer.inMemory();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        materializer.close();
    }

    @Benchmark
    public long explore(Checked checked) {
        long[] bytes = {0};
        states.explore(persistence, Exploration.defaults(), state -> {
            try (Materialized m = materializer.materialize(state)) {
                bytes[0] += readEveryEntry(m.root());
            }
            checked.states++;
        });
        return bytes[0];
    }

    /** The built-in persistence model of this name. */
    static PersistenceModel model(String name) {
        return PersistenceModel.builtIn().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no built-in persistence model " + name));
    }

    /** The trace of the reference protocol: create, write, fsync, rename, directory fsync, per put. */
    static IoTrace referencePuts(int puts) {
        List<IoOp> ops = new ArrayList<>();
        for (int p = 0; p < puts; p++) {
            String entry = (p % 2 == 0 ? "a" : "b") + ".entry";
            referencePut(ops, entry, "." + entry + "." + p + ".tmp", VALUE);
        }
        return IoTrace.of(ops);
    }

    /** One reference put of {@code bytes} as the instrumentation records it, appended to {@code ops}. */
    static void referencePut(List<IoOp> ops, String entry, String temp, byte[] bytes) {
        ops.add(op(ops, OpKind.CREATE, temp, null, -1, -1, null));
        ops.add(op(ops, OpKind.WRITE, temp, null, 0, bytes.length, bytes));
        ops.add(op(ops, OpKind.FSYNC_FILE, temp, null, -1, -1, null));
        ops.add(op(ops, OpKind.MOVE, temp, entry, -1, -1, null));
        ops.add(op(ops, OpKind.FSYNC_DIRECTORY, "", null, -1, -1, null));
    }

    private static IoOp op(List<IoOp> ops, OpKind kind, String path, String target, long offset, long length,
                           byte[] data) {
        return new IoOp(ops.size(), kind, path, target, offset, length, data, kind == OpKind.MOVE, "main", null);
    }

    private static long readEveryEntry(Path root) {
        long bytes = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, "*.entry")) {
            for (Path entry : entries) {
                bytes += Files.readAllBytes(entry).length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }
}
