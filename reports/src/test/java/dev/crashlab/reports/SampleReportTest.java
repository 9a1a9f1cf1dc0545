package dev.crashlab.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Writes the sample results as real report directories under the build output, so a person (or
 * screenshot.sh, with headless Chromium) can open them and look. Also proves {@link Reports#write}
 * produces the four files of the command-line contract.
 */
class SampleReportTest {

    @Test
    void writesTheFourFilesOfTheCommandLineContract() throws Exception {
        Path root = Path.of(System.getProperty("crashlab.reports.samples", "target/samples"));
        write(SampleResults.failing(), root.resolve("failing"));
        write(SampleResults.passing(), root.resolve("passing"));
        write(SampleResults.result(java.util.List.of(), SampleResults.benchmarks()), root.resolve("benchmarks-only"));
        write(SampleResults.withTargetId("<script>alert(1)</script>\u0000 " + "very-long-key-".repeat(700)),
                root.resolve("hostile"));
    }

    private static void write(CampaignResult result, Path dir) throws Exception {
        Reports.write(result, dir);
        for (Format f : Format.values()) {
            assertTrue(Files.size(dir.resolve(f.fileName())) > 0, f.fileName());
        }
        try (var leftovers = Files.list(dir)) {
            assertTrue(leftovers.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
        }
    }
}
