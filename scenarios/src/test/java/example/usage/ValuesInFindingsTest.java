package example.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.reports.Counterexample;
import dev.crashlab.reports.Format;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Model;
import dev.crashlab.reports.Reports;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.api.CrashTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The values on a finding, as a person must read them to act on it. */
class ValuesInFindingsTest {

    /** A writer that overwrites two lines in place: a reader in between finds the new first line before the old second. */
    @Test
    void aValueWithNewlinesPrintsEscapedInEveryFormat() throws Exception {
        CrashResult result = CrashCheck.run(CrashTarget.builder("two-lines")
                .setUp(dir -> Files.writeString(dir.resolve("state"), "old\nstate"))
                .writer(ValuesInFindingsTest::inPlace)
                .reader(dir -> Files.readString(dir.resolve("state")), "old\nstate", "new\nstate\n")
                .claims(Guarantee.G1).build());
        Counterexample cx = result.verdict(Guarantee.G1, Model.CONCURRENT_READER).counterexample();
        assertEquals("\"new\\nstate\"", cx.readerSaw());
        assertEquals(List.of("\"old\\nstate\"", "\"new\\nstate\\n\""), cx.allowed());
        String described = cx.describe();
        assertTrue(described.contains("allowed:    \"old\\nstate\" | \"new\\nstate\\n\"\n"), described);
        var report = result.toReport(Instant.EPOCH);
        for (Format f : List.of(Format.MARKDOWN, Format.HTML, Format.JUNIT, Format.SARIF)) {
            String text = Reports.render(report, f);
            assertTrue(text.contains("new\\\\nstate") || text.contains("new\\nstate"), f + ":\n" + text);
            assertTrue(!text.contains("new\nstate") && !text.contains("new state"), f + " prints a value's newline raw:\n" + text);
        }
    }

    private static void inPlace(Path dir) throws java.io.IOException {
        try (var out = java.nio.channels.FileChannel.open(dir.resolve("state"), java.nio.file.StandardOpenOption.WRITE)) {
            out.write(java.nio.ByteBuffer.wrap("new\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            out.write(java.nio.ByteBuffer.wrap("state\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }
}
