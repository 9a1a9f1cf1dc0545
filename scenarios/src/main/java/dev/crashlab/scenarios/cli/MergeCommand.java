package dev.crashlab.scenarios.cli;

import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crashlab merge}: joins the reports of the shards of one campaign into the whole campaign's. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Merges the report.json of each shard of one campaign (same seed, budget and version) into the "
                + "report the unsharded campaign writes: report.json, report.html, summary.md, junit.xml. Exit "
                + "code as for check, judged on the merged result.")
final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the merged reports.")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "Each shard's --out directory (or its report.json).")
    List<Path> shards = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Path dir = OutDir.directory(spec, out, "--out");
        List<CampaignResult> results = new ArrayList<>();
        for (Path shard : shards) {
            results.add(Reports.read(shard));
        }
        return Conclusion.write("crashlab merge", Reports.merge(results), dir, spec.commandLine().getOut());
    }
}
