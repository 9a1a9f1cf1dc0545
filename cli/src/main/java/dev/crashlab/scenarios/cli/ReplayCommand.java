package dev.crashlab.scenarios.cli;

import dev.crashlab.scenarios.grade.ReplayToken;
import dev.crashlab.scenarios.grade.Verdict;
import picocli.CommandLine.Option;


import java.util.Optional;

import dev.crashlab.scenarios.api.CrashCheck;


import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.scenarios.campaign.Campaign;
import dev.crashlab.scenarios.campaign.CampaignConfig;
import dev.crashlab.scenarios.campaign.CampaignRun;
import dev.crashlab.reports.Context;
import dev.crashlab.scenarios.target.StoreTarget;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code crashlab replay TOKEN}. The engine keeps the first counterexample a cell meets, so
 * replaying one means walking the same path: the campaign is re-run for the token's target alone,
 * up to and including the token's workload, in the token's context alone, and the counterexample
 * carrying the token is printed. The walk is deterministic, so it is the same one.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-runs the scenario a counterexample's replay token names and prints the counterexample. It "
                + "re-runs the campaign for that target only, up to that workload, in that context only: seconds "
                + "for most tokens, longer for one found late in a long walk.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the counterexample was reproduced and printed",
                "1:the token did not reproduce (the target or the checks changed since)",
                "2:usage error (a malformed token)", "3:crashlab itself failed"})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TOKEN",
            description = "As printed on a counterexample's 'replay' line: seed:target:workload:context:ordinal for the "
                    + "built-in campaign, name:fault:context:ordinal for your own target (with --target).")
    String tokenText;

    @Option(names = "--target", paramLabel = "CLASS",
            description = "Replay a counterexample of your own target: the CrashTargetProvider class it was checked with.")
    String target;

    @Option(names = "--classpath", paramLabel = "CP",
            description = "With --target: the jars and class directories holding CLASS and the code it checks.")
    String classpath;

    ReplayToken token;

    @Override
    public Integer call() {
        if (target != null || classpath != null) {
            return replayUserTarget();
        }
        try {
            token = ReplayToken.parse(tokenText, true);
        } catch (IllegalArgumentException e) {
            throw OutDir.usage(spec, e.getMessage() + ", e.g. 20261122:stream-to-final:0:process-crash:5");
        }
        if (!Units.targetIds().contains(token.target())) {
            throw OutDir.usage(spec, "'" + tokenText + "': it names no known target ('" + token.target() + "'); to replay"
                    + " a counterexample of your own target, add --target CLASS --classpath CP");
        }
        if (!Contexts.ALL.contains(token.context())) {
            throw OutDir.usage(spec, "'" + tokenText + "' names no context of the campaign ('" + token.context() + "')");
        }
        CampaignRun result = Campaign.run(config(token));
        List<Verdict> matching = result.verdicts().stream()
                .filter(v -> v.counterexample() != null && token.toString().equals(v.counterexample().seed())).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (matching.isEmpty()) {
            out.println("crashlab replay: " + token + " did not reproduce; " + token.target() + " under "
                    + token.context() + " now reads: " + statuses(result));
            out.flush();
            return ExitCodes.FAILED;
        }
        for (Verdict v : matching) {
            out.println(v.status() + ": " + v.describe());
        }
        out.flush();
        return ExitCodes.PASSED;
    }

    /** A user target's token: the check re-run for that fault and context only (CrashCheck.replay). */
    private int replayUserTarget() {
        if (target == null) {
            throw OutDir.usage(spec, "--classpath needs --target: it says where the --target class and its code are");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (UserTarget user = UserTarget.load(spec, target, classpath)) {
            if (user.sequences() != null) {
                return replaySequence(user, out);
            }
            Optional<dev.crashlab.scenarios.grade.Verdict> found;
            try {
                found = user.run(() -> CrashCheck.replay(user.target(), tokenText));
            } catch (IllegalArgumentException e) {
                throw OutDir.usage(spec, e.getMessage());
            }
            if (found.isEmpty()) {
                out.println("crashlab replay: " + tokenText + " did not reproduce (the target or the checks changed since)");
                out.flush();
                return ExitCodes.FAILED;
            }
            out.println(found.get().status() + ": " + found.get().describe());
            out.flush();
            return ExitCodes.PASSED;
        }
    }

    /** A sequence check's token (or its sequence alone): that sequence checked again, with no seed and no walk. */
    private int replaySequence(UserTarget user, PrintWriter out) {
        Optional<dev.crashlab.scenarios.api.CrashResult> found;
        try {
            found = user.run(() -> user.sequences().replay(tokenText));
        } catch (IllegalArgumentException e) {
            throw OutDir.usage(spec, e.getMessage());
        }
        out.println(found.map(dev.crashlab.scenarios.api.CrashResult::describe)
                .orElse("crashlab replay: " + tokenText + " did not reproduce (the store or the checks changed since)"));
        out.flush();
        return found.isPresent() ? ExitCodes.PASSED : ExitCodes.FAILED;
    }

    static CampaignConfig config(ReplayToken token) {
        CampaignConfig d = CampaignConfig.defaults(token.seed());
        if (Units.CACHE_TARGETS.contains(token.target())) {
            return d.withTargets(List.of()).withCacheProtocols(true);
        }
        StoreTarget target = Units.storeTarget(token.target());
        List<PersistenceModel> models = d.models().stream().filter(m -> m.name().equals(token.context().wireName())).toList();
        boolean paused = token.context().equals(Context.CONCURRENT_READER) || token.context().equals(Context.RACE);
        int readerSteps = paused ? d.readerSteps() : 0;
        return new CampaignConfig(List.of(target), false, d.bounds(), readerSteps, models, d.exploration(),
                token.seed(), token.run() + 1);
    }

    private String statuses(CampaignRun result) {
        return result.verdicts().stream()
                .filter(v -> v.cell().target().equals(token.target()) && v.cell().context().equals(token.context()))
                .map(v -> v.cell().guarantee() + " " + v.status()).toList().toString();
    }
}
