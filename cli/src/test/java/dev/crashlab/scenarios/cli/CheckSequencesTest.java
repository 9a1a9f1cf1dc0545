package dev.crashlab.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Reports;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --target} of a sequence check's provider: the walk, the shrunk failure, its budget in the report, its replay. */
class CheckSequencesTest {

    @TempDir
    Path tmp;

    @Test
    void theWalkFindsTheSeededBugShrinksItAndRecordsItsBudget() throws Exception {
        Cli r = Cli.run("check", "--out", tmp.toString(), "--target", "dev.crashlab.scenarios.sequence.KvInPlaceSequences");

        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("shrunk to (") && r.err().contains("): put(a, 1), put(a, 1), compact()"), r.toString());
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("replay: (kv\\+put-0-0\\+put-0-0\\+compact:0:\\S+)")
                .matcher(r.err());
        assertTrue(token.find(), r.toString());
        CampaignResult report = Reports.read(tmp);
        assertEquals(2000L, report.budget().workloadsPerTarget(), "the sequence budget is recorded: " + report.budget());
        assertEquals(63, report.counts().workloads(), "the sequences checked: " + report.counts());
        assertEquals("kv+put-0-0+put-0-0+compact", report.targets().get(0).id());
        // the sequence's target is rebuilt from the token by the sequence check: no report points at CrashCheck
        for (String printed : List.of(r.err(), Files.readString(tmp.resolve("summary.md")),
                Files.readString(tmp.resolve("report.sarif")), Files.readString(tmp.resolve("report.html")))) {
            assertTrue(printed.contains("sequences.replay(") && !printed.contains("CrashCheck.replay("), printed);
        }

        Cli replay = Cli.run("replay", token.group(1), "--target", "dev.crashlab.scenarios.sequence.KvInPlaceSequences");
        assertEquals(0, replay.code(), replay.toString());
        assertTrue(replay.out().contains(": violated") && replay.out().contains(token.group(1)), replay.toString());
        Cli fixed = Cli.run("replay", "kv+put-0-0+compact", "--target", "dev.crashlab.scenarios.sequence.KvInPlaceSequences");
        assertEquals(1, fixed.code(), "two steps do not break it: " + fixed);
    }
}
