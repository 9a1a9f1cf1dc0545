package example.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.reports.Counterexample;
import dev.crashlab.reports.Format;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Reports;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.TargetFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The values on a finding, as a person must read them to act on it. */
class ValuesInFindingsTest {

    /** A Long written and an Integer declared both print 100: the message shows which is which. */
    @Test
    void aSetUpMismatchWhoseTextsAreEqualShowsTheTypes() {
        TargetFailedException refused = assertThrows(TargetFailedException.class, () -> CrashCheck.run(
                CrashTarget.builder("orders")
                        .setUp(dir -> Files.writeString(dir.resolve("orders-0"), "100"))
                        .writer(dir -> Files.writeString(dir.resolve("orders-0"), "101"))
                        .reader(dir -> Map.of("orders-0", Long.parseLong(Files.readString(dir.resolve("orders-0")))),
                                Map.of("orders-0", 100), Map.of("orders-0", 101))
                        .claims(Guarantee.G1).build()));
        assertEquals("the reader of orders finds {orders-0=100 (Long)} after the set-up, but the target declares"
                + " {orders-0=100 (Integer)} as what it finds before the writer runs: fix .reader(read, before, after)"
                + " or the set-up", refused.getMessage());
    }

    /** The same on a counterexample: the reader's finding and the allowed value it prints like, each with its types. */
    @Test
    void aFindingThatPrintsLikeAnAllowedValueShowsTheTypesOfBoth() {
        CrashResult result = CrashCheck.run(CrashTarget.builder("orders")
                .setUp(dir -> Files.writeString(dir.resolve("orders-0"), "100"))
                .writer(dir -> Files.writeString(dir.resolve("orders-0"), "101"))
                .reader(dir -> Map.of("orders-0", Long.parseLong(Files.readString(dir.resolve("orders-0")))),
                        Map.of("orders-0", 100L), Map.of("orders-0", 101))
                .claims(Guarantee.G1).build());
        // the writer truncates first, so most states fail to parse; those holding 101 are found as a Long
        Counterexample cx = result.verdicts().stream().map(v -> v.counterexample())
                .filter(c -> c != null && c.readerSaw().startsWith("{")).findFirst().orElseThrow();
        assertEquals("{orders-0=101 (Long)}", cx.readerSaw().lines().findFirst().orElseThrow(), cx.describe());
        assertTrue(cx.allowed().contains("{orders-0=101 (Integer)}"), cx.describe());
        assertTrue(cx.allowed().stream().allMatch(a -> a.equals("{orders-0=101 (Integer)}") || a.equals("{orders-0=100}")),
                "the Long 100 prints unlike the finding, so without types: " + cx.allowed());
    }

    /** A writer that overwrites two lines in place: a reader in between finds the new first line before the old second. */
    @Test
    void aValueWithNewlinesPrintsEscapedInEveryFormat() throws Exception {
        CrashResult result = CrashCheck.run(CrashTarget.builder("two-lines")
                .setUp(dir -> Files.writeString(dir.resolve("state"), "old\nstate"))
                .writer(ValuesInFindingsTest::inPlace)
                .reader(dir -> Files.readString(dir.resolve("state")), "old\nstate", "new\nstate\n")
                .claims(Guarantee.G1).build());
        Counterexample cx = result.verdict(Guarantee.G1, Context.CONCURRENT_READER).counterexample();
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
