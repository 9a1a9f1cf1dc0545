package dev.crashlab.scenarios.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.reports.CampaignResult;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A check a time budget cuts short is honest about it: every cell it did not judge to the end is
 * incomplete (never held) in the result and in every report format, a violation found before the
 * cut stands, and the check has not passed. The budget runs out on a clock the test advances, so
 * where it runs out is the same on every machine.
 */
class BudgetedCheckTest {

    private static final List<String> RECORDS = List.of("r1", "r2", "r3", "r4");

    private static CrashTarget log(boolean fsync) {
        return log(fsync, BudgetedCheckTest::read);
    }

    /** A log of four records appended one by one, each fsynced or not, acknowledged as written. */
    static CrashTarget log(boolean fsync, CrashTarget.Reader<List<String>> read) {
        return CrashTarget.builder(fsync ? "fsynced-log" : "unsynced-log")
                .setUp(dir -> {
                    Files.createFile(dir.resolve("log"));
                    try (FileChannel d = FileChannel.open(dir)) {
                        d.force(true);
                    }
                })
                .writer(dir -> {
                    try (FileChannel log = FileChannel.open(dir.resolve("log"), StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND)) {
                        for (String record : RECORDS) {
                            log.write(ByteBuffer.wrap((record + "\n").getBytes(StandardCharsets.UTF_8)));
                            if (fsync) {
                                log.force(false);
                            }
                            CrashTarget.ack(record);
                        }
                    }
                })
                .oracle(read, "a prefix of the records holding every one acknowledged",
                        (List<String> found, CrashTarget.Acknowledged acked) -> found.size() <= RECORDS.size()
                                && RECORDS.subList(0, found.size()).equals(found) && found.containsAll(acked.labels()))
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .build();
    }

    static List<String> read(Path dir) throws IOException {
        String text = Files.readString(dir.resolve("log"), StandardCharsets.ISO_8859_1);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : Arrays.asList(text.substring(0, end).split("\n"));
    }

    /** A check whose clock moves one second each time it is read: a budget of n seconds lasts n readings. */
    private static CrashResult check(CrashTarget target, Duration budget, List<String> progress) {
        AtomicLong now = new AtomicLong();
        CheckClock clock = new CheckClock(target.name(), budget, 1 + target.models().size(), progress::add,
                () -> now.getAndAdd(1_000_000_000L));
        return CrashCheck.run(target, f -> true, c -> true, ExplainBudget.unlimited(), clock);
    }

    @Test
    void noTimeAtAllJudgesNothingAndClaimsNothing() {
        CrashResult none = check(log(true), Duration.ZERO, new ArrayList<>());
        assertFalse(none.verdicts().isEmpty(), "what was not explored is listed");
        for (Verdict v : none.verdicts()) {
            assertEquals(Status.INCOMPLETE, v.status(), v.title());
        }
        assertFalse(none.passed(), none.describe());
        assertTrue(none.notes().stream().anyMatch(n -> n.contains("time budget ran out")), none.notes().toString());
        CampaignResult report = none.toReport(Instant.EPOCH);
        assertFalse(report.passed());
        String markdown = Reports.render(report, Format.MARKDOWN);
        assertTrue(markdown.contains("not finished"), markdown);
        assertFalse(markdown.contains("every claimed guarantee holds"), markdown);
        assertTrue(Reports.render(report, Format.JSON).contains("\"incomplete\""));
        assertTrue(Reports.render(report, Format.JUNIT).contains("type=\"incomplete\""));
        assertTrue(Reports.render(report, Format.HTML).contains("incomplete"));
    }

    @Test
    void aCellCutShortIsNeverHeldAndOneJudgedToTheEndIs() {
        CrashResult whole = CrashCheck.run(log(true));
        assertTrue(whole.passed(), whole.describe());
        List<String> progress = new ArrayList<>();
        CrashResult cut = check(log(true), Duration.ofSeconds(40), progress);
        boolean someCut = false;
        boolean someWhole = false;
        for (Verdict v : cut.verdicts()) {
            Verdict all = whole.verdict(v.guarantee(), v.context());
            if (v.checks() < all.checks()) {
                someCut = true;
                assertEquals(Status.INCOMPLETE, v.status(), v.title() + ": " + v.checks() + " of " + all.checks());
            } else {
                someWhole = true;
                assertEquals(all.status(), v.status(), v.title());
            }
        }
        assertTrue(someCut && someWhole, "the budget ran out in the middle: " + cut.describe());
        assertFalse(cut.passed());
        assertTrue(progress.stream().anyMatch(l -> l.contains("states judged") && l.contains("left")), progress.toString());
        assertTrue(progress.stream().anyMatch(l -> l.contains("ran out")), progress.toString());
    }

    @Test
    void aViolationFoundBeforeTheBudgetRanOutStands() {
        CrashResult whole = CrashCheck.run(log(false));
        Verdict lost = whole.verdict(Guarantee.G3, Context.EXT4_LIKE);
        assertEquals(Status.VIOLATED, lost.status(), whole.describe());
        CrashResult cut = check(log(false), Duration.ofSeconds(60), new ArrayList<>());
        for (Verdict v : cut.verdicts()) {
            if (v.counterexample() != null) {
                // a counterexample judged before the cut is the one judging everything gives
                assertEquals(whole.verdict(v.guarantee(), v.context()).counterexample().seed(), v.counterexample().seed());
            }
            assertNotEquals(Status.HELD, whole.verdict(v.guarantee(), v.context()).status() == Status.VIOLATED
                    ? v.status() : null, v.title());
        }
        assertTrue(cut.verdicts().stream().anyMatch(v -> v.status() == Status.VIOLATED), cut.describe());
        assertTrue(cut.verdicts().stream().anyMatch(v -> v.status() == Status.INCOMPLETE), cut.describe());
        assertFalse(cut.passed());
    }
}
