package dev.crashlab.faults.crash;

import static dev.crashlab.faults.crash.Traces.Protocol.REFERENCE;

import dev.crashlab.faults.trace.IoTrace;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        System.out.println("states/s generated + materialized (shared Jimfs, fresh root) + checked");
        for (PersistenceModel model : PersistenceModel.builtIn()) {
            System.out.printf("  %-14s 1 put: %,9.0f   3 puts: %,9.0f%n", model.name(),
                    throughput(onePut, model, false), throughput(threePuts, model, false));
        }
        System.out.printf("  %-14s 1 put: %,9.0f   (a fresh Jimfs per state instead)%n", "weakest-posix",
                throughput(onePut, new WeakestPosix(), true));
        growth();
    }

    /** Runs whole explorations for two seconds after a three-second warm-up and reports states per second. */
    static double throughput(IoTrace trace, PersistenceModel model, boolean freshFileSystem) throws IOException {
        CrashStates states = new CrashStates(trace);
        try (Materializer materializer = Materializer.inMemory()) {
            // Warm up by time, not by count: the JIT needs a few seconds whatever the trace.
            long warm = System.nanoTime();
            while (System.nanoTime() - warm < 3_000_000_000L) {
                run(states, model, materializer, freshFileSystem);
            }
            long count = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < 2_000_000_000L) {
                count += run(states, model, materializer, freshFileSystem);
            }
            return count / ((System.nanoTime() - start) / 1e9);
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

    /** Distinct states (candidates) per model for 1..5 reference puts of a small value, alternating 2 keys. */
    static void growth() {
        List<PersistenceModel> models = PersistenceModel.builtIn();
        System.out.println("\ndistinct states (candidates replayed) by workload length, reference protocol");
        System.out.print("  puts  ops");
        models.forEach(m -> System.out.printf("  %22s", m.name()));
        System.out.println();
        for (int puts = 1; puts <= 5; puts++) {
            Traces t = Traces.empty();
            for (int p = 0; p < puts; p++) {
                t.put(REFERENCE, p % 2 == 0 ? "a" : "b", SMALL);
            }
            IoTrace trace = t.build();
            System.out.printf("  %4d %4d", puts, trace.size());
            for (PersistenceModel m : models) {
                long[] distinct = {0};
                long candidates = new CrashStates(trace).explore(m, Exploration.defaults(), s -> distinct[0]++);
                System.out.printf("  %22s", distinct[0] + " (" + candidates + ")");
            }
            System.out.println();
        }
    }
}
