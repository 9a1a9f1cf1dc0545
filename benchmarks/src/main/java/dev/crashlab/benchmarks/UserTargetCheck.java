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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A small user target checked inside a JVM that already checked one, as the second and later
 * targets of a JUnit run are: {@link SettingsTarget} under the four models and the concurrent
 * reader, through the API. The first target's price (the agent's installation, class loading) is
 * paid in the setup; {@link CliCheck} measures it, from the command line.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class UserTargetCheck {

    @Setup(Level.Trial)
    public void firstTarget() {
        Agent.install();
        check();
    }

    @Benchmark
    public CrashResult check() {
        CrashResult r = CrashCheck.run(new SettingsTarget().target());
        if (!r.passed()) {
            throw new IllegalStateException("the settings target must pass every check:\n" + r.describe());
        }
        return r;
    }
}
