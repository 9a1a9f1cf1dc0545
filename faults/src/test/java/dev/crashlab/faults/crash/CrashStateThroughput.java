package dev.crashlab.faults.crash;

import static dev.crashlab.faults.crash.Traces.Protocol.REFERENCE;

import dev.crashlab.faults.trace.IoTrace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints how many crash states per second are generated, materialized in memory and checked (every
 * entry file read back), and how the state count grows with workload length. Asserts nothing: run
 * it by hand, on a quiet machine, after the test classes are compiled:
 *
 * <pre>java -cp faults/target-crash/classes:faults/target-crash/test-classes:$(jimfs and guava jars)
 *     dev.crashlab.faults.crash.CrashStateThroughput</pre>
 */
public final class CrashStateThroughput {

    private static final byte[] SMALL = Traces.bytes("a small value of forty bytes, like a key");

    public static void main(String[] args) throws IOException {
        IoTrace onePut = Traces.empty().put(REFERENCE, "a", SMALL).build();
        IoTrace threePuts = Traces.empty().put(REFERENCE, "a", SMALL).put(REFERENCE, "b", SMALL)
                .put(REFERENCE, "a", SMALL).build();
        System.out.println("states generated + materialized in memory + checked, per wall second"
                + " (per CPU second of the exploring thread)");
        warmUp(List.of(onePut, threePuts));
        for (PersistenceModel model : PersistenceModel.builtIn()) {
            System.out.printf("  %-14s 1 put: %-22s 3 puts: %s%n", model.name(),
                    throughput(onePut, model, false), throughput(threePuts, model, false));
        }
        System.out.printf("  %-14s 1 put: %-22s (a fresh Jimfs per state instead)%n", "weakest-posix",
                throughput(onePut, new WeakestPosix(), true));
        growth();
    }

    /** Every model on every trace for a while, so the first one measured is as warm as the last. */
    private static void warmUp(List<IoTrace> traces) throws IOException {
        try (Materializer materializer = Materializer.inMemory()) {
            long start = System.nanoTime();
            while (System.nanoTime() - start < 8_000_000_000L) {
                for (IoTrace trace : traces) {
                    for (PersistenceModel model : PersistenceModel.builtIn()) {
                        run(new CrashStates(trace), model, materializer, false);
                    }
                }
            }
        }
    }

    /** Runs whole explorations for two seconds after a one-second warm-up and reports states per second. */
    static String throughput(IoTrace trace, PersistenceModel model, boolean freshFileSystem) throws IOException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        CrashStates states = new CrashStates(trace);
        try (Materializer materializer = Materializer.inMemory()) {
            long warm = System.nanoTime();
            while (System.nanoTime() - warm < 1_000_000_000L) {
                run(states, model, materializer, freshFileSystem);
            }
            long count = 0;
            long start = System.nanoTime();
            long startCpu = cpu.getCurrentThreadCpuTime();
            while (System.nanoTime() - start < 2_000_000_000L) {
                count += run(states, model, materializer, freshFileSystem);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double used = (cpu.getCurrentThreadCpuTime() - startCpu) / 1e9;
            return String.format("%,.0f (%,.0f)", count / wall, count / used);
        }
    }

    private static long run(CrashStates states, PersistenceModel model, Materializer shared, boolean fresh) {
        long[] count = {0};
        states.explore(model, Exploration.defaults(), state -> {
            if (fresh) {
                try (Materializer own = Materializer.inMemory();
                     Materialized m = own.materialize(state)) {
                    count[0] += check(m.root()) >= 0 ? 1 : 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return;
            }
            try (Materialized m = shared.materialize(state)) {
                count[0] += check(m.root()) >= 0 ? 1 : 0;
            }
        });
        return count[0];
    }

    /** The trivial check: read every entry back. */
    private static long check(Path root) {
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

    /** Distinct states (candidates replayed) per model for 1..5 puts, alternating 2 keys. */
    static void growth() {
        growth("reference protocol, FILE_AND_DIRECTORY, 40-byte values", REFERENCE, SMALL);
        growth("no fsync at all (NONE), 40-byte values", Traces.Protocol.NONE, SMALL);
        growth("reference protocol, FILE_AND_DIRECTORY, 1 MiB values", REFERENCE, new byte[1 << 20]);
    }

    private static void growth(String title, Traces.Protocol protocol, byte[] value) {
        List<PersistenceModel> models = PersistenceModel.builtIn();
        System.out.println("\ndistinct states (candidates replayed): " + title);
        System.out.print("  puts  ops");
        models.forEach(m -> System.out.printf("  %17s", m.name()));
        System.out.println();
        for (int puts = 1; puts <= 5; puts++) {
            Traces t = Traces.empty();
            for (int p = 0; p < puts; p++) {
                t.put(protocol, p % 2 == 0 ? "a" : "b", value);
            }
            IoTrace trace = t.build();
            System.out.printf("  %4d %4d", puts, trace.size());
            for (PersistenceModel m : models) {
                long[] distinct = {0};
                long candidates = new CrashStates(trace).explore(m, Exploration.defaults(), s -> distinct[0]++);
                System.out.printf("  %17s", distinct[0] + " (" + candidates + ")");
            }
            System.out.println();
        }
    }
}
