package dev.crashlab.benchmarks;

import dev.crashlab.faults.agent.Agent;
import dev.crashlab.store.Durability;
import dev.crashlab.store.Protocol;
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
 * What the fault-injection instrumentation costs code that is not being tested: a NONE put (the
 * cheapest, so the one where an overhead shows most) with the crashlab agent installed but no run
 * active, against the same put in a JVM that never saw the agent.
 *
 * <p>JMH runs each parameter combination in its own fork, so {@code agent=off} forks never load
 * it. {@code agent=on} installs it before the first put the way a test would; without
 * {@code -javaagent} that is ByteBuddy's self-attach. Once installed, every advised JDK method
 * pays one volatile read of the (null) hook: the goal is at most 5%.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class IdleInstrumentation {

    @Param({"off", "on"})
    public String agent;

    @Param({"64", "4096", "1048576"})
    public int size;

    @Param({"disk", "tmpfs"})
    public String fs;

    private StoreFixture store;

    @Setup(Level.Trial)
    public void open() throws IOException {
        if (agent.equals("on")) {
            Agent.install();
        }
        store = new StoreFixture(fs, "idle-" + agent + "-" + size, Durability.NONE, Protocol.REFERENCE, size);
    }

    @Setup(Level.Invocation)
    public void keepDirectorySmall() throws IOException {
        store.beforePuts(1);
    }

    @TearDown(Level.Trial)
    public void close() {
        if (agent.equals("on") && Agent.loadedBy() == null) {
            throw new IllegalStateException("the agent was asked for but is not installed");
        }
        store.close();
    }

    @Benchmark
    public void put() throws IOException {
        store.put();
    }
}
