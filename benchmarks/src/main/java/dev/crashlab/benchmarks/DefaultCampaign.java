package dev.crashlab.benchmarks;

import dev.crashlab.faults.agent.Agent;
import dev.crashlab.scenarios.campaign.Campaign;
import dev.crashlab.scenarios.campaign.CampaignConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The default campaign ({@code ./crashlab check}'s, every target, every workload within the bounds)
 * end to end on every core, one campaign per invocation: the figure its wall-time goal is about.
 * The agent is installed in the setup, as the command line has it before its clock starts. Takes
 * about half a minute per invocation: run it alone, e.g. {@code --include DefaultCampaign --forks 1 --iterations 2}.
 * The fork gets the JIT thresholds the launcher gives the campaign (C2 for the hottest code only),
 * so the figure is the command's.
 */
@BenchmarkMode(Mode.SingleShotTime)
@Fork(jvmArgsPrepend = {"-XX:Tier4InvocationThreshold=150000", "-XX:Tier4MinInvocationThreshold=18000",
        "-XX:Tier4CompileThreshold=450000", "-XX:Tier4BackEdgeThreshold=1200000", "-XX:MaxInlineLevel=6",
        "-XX:InlineSmallCode=1000"})
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class DefaultCampaign {

    static final long SEED = 20261122L;

    @Setup(Level.Trial)
    public void install() {
        Agent.install();
    }

    @Benchmark
    public Object campaign() {
        return Campaign.run(CampaignConfig.defaults(SEED));
    }
}
