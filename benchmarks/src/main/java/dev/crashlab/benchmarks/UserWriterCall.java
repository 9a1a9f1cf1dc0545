package dev.crashlab.benchmarks;

import dev.crashlab.faults.agent.Agent;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.ProviderLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * One call of a user's writer, without instrumentation: the variant named {@code variant} of the
 * provider in system property {@value #TARGET_PROPERTY}, loaded from the class path in
 * {@value #CLASSPATH_PROPERTY} in a loader of its own, as the check loads it. A writer is written to
 * run once from its set-up's state, so each call gets a fresh directory and the set-up, neither
 * timed. The fork never installs the agent; a writer that does fails its benchmark, and the table
 * says it was not measured.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class UserWriterCall {

    static final String TARGET_PROPERTY = "crashlab.bench.target";
    static final String CLASSPATH_PROPERTY = "crashlab.bench.classpath";

    /** No default: {@code crashlab bench --target} names the provider's variants. */
    /** A placeholder: {@code crashlab bench --target} names the provider's variants. */
    @Param({"none"})
    public String variant;

    @Param({"disk", "tmpfs"})
    public String fs;

    private ProviderLoader loader;
    private CrashTarget target;
    private ClassLoader saved;
    private Path base;
    private Path root;
    private long calls;

    @Setup(Level.Trial)
    public void load() {
        loader = ProviderLoader.open(System.getProperty(CLASSPATH_PROPERTY, ""));
        String provider = System.getProperty(TARGET_PROPERTY);
        if (provider == null) {
            throw new IllegalStateException("no writer to time: run it as crashlab bench --target CLASS --classpath CP");
        }
        target = loader.variants(provider).stream().filter(v -> v.name().equals(variant)).findFirst()
                .orElseThrow(() -> new IllegalStateException(provider + " has no variant named " + variant));
        // The user's code may look classes up through the context loader, as it does under the check.
        saved = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader.classLoader());
        base = BenchDirs.fresh(fs, "writer");
        BenchDirs.syncAll();
    }

    @Setup(Level.Invocation)
    public void setUp() throws Exception {
        root = Files.createDirectory(base.resolve(Long.toString(calls++)));
        target.setUp().run(root);
    }

    /**
     * The check after the call costs a static field's read, nanoseconds beside any file I/O; it is
     * here because only an exception from the benchmark method makes JMH drop the figures (one from a
     * tear-down is logged, and the instrumented figures reported as if nothing happened).
     */
    @Benchmark
    public void call() throws Exception {
        target.writer().run(root);
        if (Agent.loadedBy() != null) {
            throw new IllegalStateException("the writer of " + variant + " installed crashlab's instrumentation: what"
                    + " would be timed is instrumented code, not the writer alone");
        }
    }

    @TearDown(Level.Invocation)
    public void clean() {
        BenchDirs.delete(root);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        Thread.currentThread().setContextClassLoader(saved);
        BenchDirs.delete(base);
        loader.close();
    }
}
