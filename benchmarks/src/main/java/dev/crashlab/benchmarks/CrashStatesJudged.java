package dev.crashlab.benchmarks;

import dev.crashlab.faults.crash.CrashStates;
import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.Materialized;
import dev.crashlab.faults.crash.Materializer;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.faults.trace.IoOp;
import com.sun.management.OperatingSystemMXBean;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.scenarios.check.CheckResult;
import dev.crashlab.scenarios.check.Checker;
import dev.crashlab.scenarios.check.CrashCase;
import dev.crashlab.scenarios.check.CrashChecks;
import dev.crashlab.scenarios.check.ExpectedPut;
import dev.crashlab.scenarios.check.Expectations;
import dev.crashlab.scenarios.check.ReadingMemo;
import dev.crashlab.store.Codecs;
import dev.crashlab.store.Durability;
import dev.crashlab.store.Protocol;
import dev.crashlab.store.ReaderProtocol;
import dev.crashlab.store.WriteOnceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
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
 * Crash states judged per second by the full checkers, as the campaign judges them: every distinct
 * state a persistence model allows for two reference puts (FILE_AND_DIRECTORY) of {@code size}-byte
 * values, each materialized in memory and judged for G1 to G6, G5's fresh writer putting into it.
 * One thread. {@link CrashStatesChecked} measures the exploration with a trivial check; this one is
 * the figure a campaign's length follows.
 *
 * <p>Counters: {@code states} judged, {@code stateBytes}, the bytes of the states' files, and
 * {@code cpuMicros}, the JVM's CPU time (states / cpuMicros is the rate per CPU second). Per
 * state, the harness touches a multiple of that: the replay only edits extent lists, the digest
 * reads the blocks it has not seen before, the materialization copies the bytes from the trace's
 * arrays into the file system, the reader copies and checksums an entry unless an earlier state
 * held the same bytes (then its reading is recalled), G5's put reads and checksums it again.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class CrashStatesJudged {

    private static final OperatingSystemMXBean CPU =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /* G5's fresh writer puts FILE_AND_DIRECTORY into Jimfs, whose directories cannot be fsynced: the store says so, once per JVM. */
    private static final Logger STORE_LOG = Logger.getLogger("dev.crashlab.store");

    @Param({"process-crash", "weakest-posix"})
    public String model;

    @Param({"4096", "1048576"})
    public int size;

    private CrashStates states;
    private PersistenceModel persistence;
    private Expectations expected;
    private IoTrace trace;
    private Materializer materializer;
    private List<Checker> checkers;

    /** Counted per iteration; as OPERATIONS, JMH reports them per second like the primary score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Judged {
        public long states;
        public long stateBytes;
        /**
         * The JVM's CPU time (this thread, where G5's put runs too, GC and compiler): states divided by
         * it is the figure a busy machine's wall clock cannot give.
         */
        public long cpuMicros;

        @Setup(Level.Iteration)
        public void reset() {
            states = 0;
            stateBytes = 0;
            cpuMicros = 0;
        }
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        STORE_LOG.setLevel(java.util.logging.Level.SEVERE);
        persistence = CrashStatesChecked.model(model);
        List<IoOp> ops = new ArrayList<>();
        List<ExpectedPut> puts = new ArrayList<>();
        Path scratch = Files.createTempDirectory("crashlab-judged-");
        try {
            WriteOnceStore<byte[]> store = WriteOnceStore.builder(scratch, Codecs.bytes()).build();
            for (String key : List.of("k1", "k2")) {
                byte[] value = Values.random(size);
                int first = ops.size();
                String entry = store.entryFile(key).getFileName().toString();
                CrashStatesChecked.referencePut(ops, entry, "." + entry + ".tmp", entryBytes(store, key, value));
                puts.add(new ExpectedPut(key, value, first, ops.size(), true));
            }
        } finally {
            BenchDirs.delete(scratch);
        }
        trace = IoTrace.of(ops);
        states = new CrashStates(trace);
        expected = new Expectations(puts, Durability.FILE_AND_DIRECTORY, Protocol.REFERENCE, ReaderProtocol.REFERENCE);
        checkers = CrashChecks.checkersFor(persistence);
        materializer = Materializer.inMemory();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        materializer.close();
    }

    @Benchmark
    public int judge(Judged judged) {
        long cpuStart = CPU.getProcessCpuTime();
        int[] failed = {0};
        ReadingMemo memo = new ReadingMemo();
        states.explore(persistence, Exploration.defaults(), state -> {
            try (Materialized m = materializer.materialize(state)) {
                CrashCase c = new CrashCase(m.root(), state, expected, trace.before(), memo);
                for (Checker checker : checkers) {
                    CheckResult r = checker.check(c);
                    failed[0] += r.passed() ? 0 : 1;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            judged.states++;
            judged.stateBytes += state.size();
        });
        judged.cpuMicros += (CPU.getProcessCpuTime() - cpuStart) / 1000;
        if (failed[0] > 0) {
            throw new IllegalStateException("the reference protocol failed a check: the benchmark's trace is wrong");
        }
        return failed[0];
    }

    /** The bytes a real put leaves in the entry file: the checkers read them as the store would. */
    private static byte[] entryBytes(WriteOnceStore<byte[]> store, String key, byte[] value) throws IOException {
        store.put(key, value);
        return Files.readAllBytes(store.entryFile(key));
    }
}
