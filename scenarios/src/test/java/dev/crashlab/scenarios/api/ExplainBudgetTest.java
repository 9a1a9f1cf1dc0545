package dev.crashlab.scenarios.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.reports.Fix;
import dev.crashlab.reports.Format;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Reports;
import dev.crashlab.reports.Status;
import dev.crashlab.scenarios.explain.ExplainBudget;
import dev.crashlab.scenarios.grade.Verdict;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An explanation that runs out of its budget is reported as exactly that: the verdict and its
 * counterexample are the ones an unlimited explanation gives, and the fix is neither called
 * verified nor turned into a pass.
 */
class ExplainBudgetTest {

    private static final List<String> RECORDS = List.of("r1", "r2", "r3");

    /** Appends each record and acknowledges it without an fsync: a power failure loses acknowledged records. */
    private static CrashTarget unsyncedLog() {
        return CrashTarget.builder("unsynced-log")
                .setUp(dir -> {
                    Files.createFile(dir.resolve("log"));
                    try (FileChannel d = FileChannel.open(dir)) {
                        d.force(true);
                    }
                })
                .writer(ExplainBudgetTest::append)
                .oracle(ExplainBudgetTest::read, "a prefix of r1, r2, r3 holding every record acknowledged",
                        (List<String> found, CrashTarget.Acknowledged acked) -> found.size() <= RECORDS.size()
                                && RECORDS.subList(0, found.size()).equals(found) && found.containsAll(acked.labels()))
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .build();
    }

    private static void append(Path dir) throws IOException {
        try (FileChannel log = FileChannel.open(dir.resolve("log"), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            for (String record : RECORDS) {
                log.write(ByteBuffer.wrap((record + "\n").getBytes(StandardCharsets.UTF_8)));
                CrashTarget.ack(record);
            }
        }
    }

    private static List<String> read(Path dir) throws IOException {
        String text = Files.readString(dir.resolve("log"), StandardCharsets.ISO_8859_1);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : Arrays.asList(text.substring(0, end).split("\n"));
    }

    private static CrashResult check(ExplainBudget budget) {
        return CrashCheck.run(unsyncedLog(), f -> true, c -> true, budget);
    }

    @Test
    void aFixJudgedToTheEndIsVerified() {
        Verdict lost = check(ExplainBudget.unlimited()).verdict(Guarantee.G3, Context.EXT4_LIKE);
        assertEquals(Status.VIOLATED, lost.status(), lost.describe());
        assertEquals(Fix.Outcome.VERIFIED, lost.vulnerability().fix().outcome(), lost.describe());
    }

    @Test
    void anExhaustedBudgetLeavesTheVerdictAndSaysTheFixWasNotExplained() {
        CrashResult unlimited = check(ExplainBudget.unlimited());
        CrashResult none = check(ExplainBudget.of(0, Duration.ZERO, Duration.ZERO));
        for (Context powerFailure : Context.POWER_FAILURE) {
            Verdict full = unlimited.verdict(Guarantee.G3, powerFailure);
            Verdict cut = none.verdict(Guarantee.G3, powerFailure);
            assertEquals(Status.VIOLATED, cut.status(), cut.describe());
            assertEquals(full.counterexample().seed(), cut.counterexample().seed(), "the same counterexample");
            assertEquals(full.vulnerability().kind(), cut.vulnerability().kind(), "the class needs no judging");
            Fix fix = cut.vulnerability().fix();
            assertEquals(Fix.Outcome.OUT_OF_BUDGET, fix.outcome(), cut.describe());
            String told = fix.describe(powerFailure.wireName());
            assertTrue(told.contains("not explained within the budget"), told);
            assertFalse(told.contains("verified"), told);
        }
        assertFalse(none.passed(), none.describe());
        String summary = Reports.render(none.toReport(Instant.EPOCH), Format.MARKDOWN);
        assertTrue(summary.contains("(not explained within the budget)"), summary);
        assertFalse(summary.contains("(verified)"), summary);
    }
}
