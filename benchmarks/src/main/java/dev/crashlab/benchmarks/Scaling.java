package dev.crashlab.benchmarks;

import dev.crashlab.faults.agent.Agent;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
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

/**
 * What a whole check of a user's target costs as the target grows: one check per invocation, under
 * the four built-in models and the concurrent reader, of each {@link ScalingTargets} shape at each
 * size {@code n}. The default sizes keep {@code ./crashlab bench} short; {@code -p n=100,1000} gives
 * the curve the cost model (docs/scaling.md) is read from. {@link ScalingCurve} prints time
 * against n and charts it.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class Scaling {

    @Param({"files", "appends", "buffered", "reader"})
    public String shape;

    @Param({"10", "100"})
    public int n;

    @Setup(Level.Trial)
    public void installAgent() {
        Agent.install();
    }

    @Benchmark
    public CrashResult check() {
        CrashResult r = CrashCheck.run(ScalingTargets.of(shape, n));
        if (!r.passed()) {
            // A violation stops a model's exploration early: the time would not be the whole check's.
            throw new IllegalStateException("a scaling target must pass every check:\n" + r.describe());
        }
        return r;
    }
}
