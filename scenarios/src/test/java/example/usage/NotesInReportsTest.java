package example.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.faults.plan.CrossDeviceMove;
import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Format;
import dev.crashlab.reports.Reports;
import dev.crashlab.scenarios.api.CrashCheck;
import dev.crashlab.scenarios.api.CrashResult;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.reports.Guarantee;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the verdicts alone do not say reaches every report, not only CrashResult.describe(). */
class NotesInReportsTest {

    @Test
    void aWriterThatFailsUnderAFaultIsNotedInEveryReport() {
        CrashResult result = CrashCheck.run(CrashTarget.builder("atomic-only")
                .setUp(dir -> Files.writeString(dir.resolve("state"), "v1"))
                .writer(dir -> {
                    Files.writeString(dir.resolve("state.tmp"), "v2");
                    Files.move(dir.resolve("state.tmp"), dir.resolve("state"), StandardCopyOption.ATOMIC_MOVE);
                })
                .reader(dir -> Files.readString(dir.resolve("state")), "v1", "v2")
                .claims(Guarantee.G1)
                .faults(new CrossDeviceMove()).build());
        assertEquals(1, result.notes().size(), result.describe());
        String note = result.notes().get(0);
        assertTrue(note.contains("the writer failed") && note.contains("G3 is not applicable"), note);

        CampaignResult report = result.toReport(Instant.EPOCH);
        assertEquals(List.of(note), report.targets().stream().filter(t -> t.id().endsWith("under cross-device move"))
                .findFirst().orElseThrow().notes());
        assertTrue(report.targets().stream().filter(t -> t.id().equals("atomic-only")).findFirst().orElseThrow()
                .notes().isEmpty(), "the note is about the faulty run only");
        assertTrue(Reports.render(report, Format.MARKDOWN).contains("### Notes"), "summary.md");
        assertTrue(Reports.render(report, Format.HTML).contains("<h2>Notes</h2>"), "report.html");
        assertTrue(Reports.render(report, Format.JSON).contains("G3 is not applicable"), "report.json");
    }
}
