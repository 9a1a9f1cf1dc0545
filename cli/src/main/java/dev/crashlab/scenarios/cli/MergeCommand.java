package dev.crashlab.scenarios.cli;

import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Reports;
import dev.crashlab.reports.Shard;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crashlab merge}: joins the reports of the shards of one campaign into the whole campaign's. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Merges the report.json of each shard of one campaign (same seed, budget and version) into the "
                + "report the unsharded campaign writes: report.json, report.html, summary.md, junit.xml. Exit "
                + "code as for check, judged on the merged result; 1 also when a shard of the split is missing "
                + "(named, nothing written), 2 when one is given twice.")
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
        CampaignResult merged = Reports.merge(results);
        List<Shard> missing = Reports.missingShards(results);
        if (!missing.isEmpty()) {
            // A merge of part of a split would pass on the part: say which shards to add, write nothing.
            PrintWriter out = spec.commandLine().getOut();
            out.println("crashlab merge: FAILED: " + missing.size() + " of the " + missing.get(0).count()
                    + " shards are missing: " + missing.stream().map(Shard::toString).collect(Collectors.joining(", "))
                    + "; merge every shard's report (nothing was written to " + dir + ")");
            out.flush();
            return ExitCodes.FAILED;
        }
        return Conclusion.write("crashlab merge", merged, dir, spec.commandLine().getOut());
    }
}
