package dev.crashlab.scenarios.cli;

import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Format;
import dev.crashlab.reports.Reports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code crashlab report}: renders a written report.json again, in another format. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Renders a report.json (written by check or merge) as json, html, markdown or junit.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "DIR|FILE", description = "A check or merge --out directory, or its report.json.")
    Path in;

    @Option(names = "--format", required = true, paramLabel = "FMT", converter = FormatConverter.class,
            description = "json, html, markdown (or md), junit, sarif.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here (replaced atomically) instead of stdout.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Path file = out == null ? null : OutDir.file(spec, out, "--out");
        CampaignResult result = Reports.read(in);
        if (file == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(Reports.render(result, format));
            stdout.flush();
        } else {
            Reports.render(result, format, file);
        }
        return ExitCodes.PASSED;
    }

    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
