package dev.crashlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenReportReadsBackEqual() throws Exception {
        CampaignResult original = SampleResults.failing();
        Reports.write(original, dir);
        assertEquals(original, Reports.read(dir.resolve("report.json")));
        assertEquals(original, Reports.read(dir), "a directory holding report.json reads too");
    }

    @Test
    void hostileKeysSurviveTheRoundTrip() {
        CampaignResult original = SampleResults.withTargetId("<script>alert(1)</script>\u0000\"quoted\"\n"
                + "x".repeat(10_000));
        assertEquals(original, Reports.parse(Reports.render(original, Format.JSON), "test"));
    }

    @Test
    void theSameResultAlwaysWritesTheSameBytes() {
        assertEquals(Reports.render(SampleResults.failing(), Format.JSON),
                Reports.render(SampleResults.failing(), Format.JSON));
    }

    @Test
    void seedsAreStringsSoJavaScriptAndJqKeepEveryDigit() {
        String json = Reports.render(SampleResults.failing(), Format.JSON);
        assertTrue(json.contains("\"seed\" : \"" + SampleResults.SEED + "\""), json.substring(0, 300));
    }

    @Test
    void aDamagedReportSaysWhereAndWhatToDoWithoutJacksonsInternals() throws Exception {
        Path file = dir.resolve("report.json");
        String json = Reports.render(SampleResults.passing(), Format.JSON);
        Files.writeString(file, json.replaceFirst("\"durationMillis\" : \\d+", "\"durationMillis\" : \"soon\""));
        String wrongType = assertThrows(ReportException.class, () -> Reports.read(file)).getMessage();
        Files.writeString(file, json.substring(0, json.length() / 2));
        String cut = assertThrows(ReportException.class, () -> Reports.read(file)).getMessage();

        assertTrue(wrongType.contains("does not match the report schema at durationMillis"), wrongType);
        assertTrue(cut.contains(" is not JSON (line "), cut);
        for (String m : new String[] {wrongType, cut}) {
            assertTrue(m.contains("write it again with crashlab check (or merge)"), m);
            assertFalse(m.contains("jackson") || m.contains("`") || m.contains("\n"), m);
        }
    }

    @Test
    void anotherSchemaVersionIsRefusedByName() throws Exception {
        Path file = dir.resolve("report.json");
        Files.writeString(file, Reports.render(SampleResults.passing(), Format.JSON)
                .replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 3"));
        ReportException e = assertThrows(ReportException.class, () -> Reports.read(file));
        assertTrue(e.getMessage().contains("schemaVersion 3") && e.getMessage().contains(file.toString()),
                e.getMessage());
    }

    @Test
    void somethingThatIsNotAReportSaysSo() throws Exception {
        Path file = dir.resolve("report.json");
        Files.writeString(file, "{\"hello\": ");
        assertTrue(assertThrows(ReportException.class, () -> Reports.read(file)).getMessage()
                .startsWith(file + " is not JSON"));
        Files.writeString(file, "[1, 2]");
        assertTrue(assertThrows(ReportException.class, () -> Reports.read(file)).getMessage()
                .contains("is not a crashlab report"));
        assertTrue(assertThrows(ReportException.class, () -> Reports.read(dir.resolve("missing.json")))
                .getMessage().contains("does not exist"));
    }

    @Test
    void aViolatedCellWithoutItsCounterexampleIsRefusedOnRead() {
        String json = Reports.render(SampleResults.passing(), Format.JSON)
                .replaceFirst("\"status\" : \"held\"", "\"status\" : \"violated\"");
        ReportException e = assertThrows(ReportException.class, () -> Reports.parse(json, "shard-2/report.json"));
        assertTrue(e.getMessage().contains("shard-2/report.json") && e.getMessage().contains("counterexample"),
                e.getMessage());
    }
}
