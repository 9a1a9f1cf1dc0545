package dev.crashlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownSummaryTest {

    @Test
    void aFailingCampaignListsEachViolationOnItsOwnLineAndExpectedFindingsApart() {
        String md = Reports.render(SampleResults.failing(), Format.MARKDOWN);
        assertTrue(md.startsWith("## crashlab: \u274c 2 violations\n"), md);
        int violations = md.indexOf("### Violations (2)");
        int expected = md.indexOf("### Expected findings (seeded bugs) (6)");
        assertTrue(violations > 0 && expected > violations, md);
        String violationBlock = md.substring(violations, expected);
        assertEquals(2, violationBlock.lines().filter(l -> l.startsWith("- \u274c")).count());
        assertTrue(violationBlock.contains("**com.example.ConfigWriter** G2 crash atomicity under weakest-posix"));
        assertTrue(violationBlock.contains("replay `./crashlab replay " + (SampleResults.SEED + 8) + "`"));
        assertEquals(6, md.substring(expected).lines().filter(l -> l.startsWith("- \uD83C\uDFAF")).count());
    }

    @Test
    void theCompactMatrixFoldsModelsIntoOneColumnPerGuarantee() {
        String md = Reports.render(SampleResults.failing(), Format.MARKDOWN);
        assertTrue(md.contains("| target | G1 | G2 | G3 | G4 | G5 | G6 | G7 |\n|---|:-:|:-:|:-:|:-:|:-:|:-:|:-:|\n"), md);
        assertTrue(md.contains("| com.example.ConfigWriter | \u2705 | \u274c weak | \u274c ext4 | \u2705 | \u2705 | \u2705 |  |"), md);
        assertTrue(md.contains("| rename\\-no\\-fsync *(seeded bug)*") || md.contains("| rename-no-fsync *(seeded bug)*"), md);
    }

    @Test
    void aPassingCampaignSaysSo() {
        String md = Reports.render(SampleResults.passing(), Format.MARKDOWN);
        assertTrue(md.startsWith("## crashlab: \u2705 every claimed guarantee holds\n"), md);
        assertFalse(md.contains("### Violations"));
        assertTrue(md.contains("### Expected findings"));
        assertTrue(md.contains("| put 1 KiB | FILE\\_AND\\_DIRECTORY | G1 G2 G3 G4 G5 G6 | 1,605 \u00b1 35.1 | 1,580 | 2,710 | 623 \u00b1 15.0 |"), md);
    }

    @Test
    void hostileKeysCannotBreakTheTableOrInjectHtml() {
        String md = Reports.render(SampleResults.withTargetId("a|b<script>`x`\u0000\n| evil |" + "z".repeat(10_000)),
                Format.MARKDOWN);
        assertFalse(md.contains("<script") || md.contains("\u0000"));
        long header = -1;
        for (String row : md.lines().toList()) {
            if (!row.startsWith("|")) {
                header = -1; // a table ends; the next one has its own header
                continue;
            }
            long pipes = row.chars().filter(c -> c == '|').count() - row.split("\\\\\\|", -1).length + 1;
            if (header < 0) {
                header = pipes;
            }
            assertEquals(header, pipes, row.length() > 200 ? row.substring(0, 200) : row);
        }
        assertTrue(md.lines().allMatch(l -> l.length() < 1_000), "labels are shortened");
    }

    @Test
    void aHugeCampaignKeepsTheSummaryShort() {
        List<TargetResult> targets = new java.util.ArrayList<>();
        for (int t = 0; t < 3; t++) {
            SampleResults.TargetBuilder b = SampleResults.target("writer-" + t);
            for (Guarantee g : Guarantee.values()) {
                for (Context m : Context.values()) {
                    b.violated(g, m, 5, 1, SampleResults.cx(t, "put", "k", "torn", CrashPosition.INSIDE));
                }
            }
            targets.add(b.build());
        }
        String md = Reports.render(SampleResults.result(targets, List.of()), Format.MARKDOWN);
        assertEquals(MarkdownSummary.MAX_LINES, md.lines().filter(l -> l.startsWith("- \u274c")).count());
        int cells = 3 * Guarantee.values().length * Context.values().length;
        assertTrue(md.contains("- \u2026 and " + (cells - MarkdownSummary.MAX_LINES) + " more in report.html\n"), md);
    }

    /** A fix cut mid-word ("write the new co...") cannot be applied: the column holds it whole, GitHub wraps it. */
    @Test
    void theWhatToFixColumnHoldsTheWholeFix() {
        String summary = Reports.render(SampleResults.userCheck(), Format.MARKDOWN);
        String row = summary.lines().filter(l -> l.startsWith("| com.example.ConfigWriter |")).findFirst().orElseThrow();
        assertTrue(row.contains(Markdown.escape(SampleResults.LONG_FIX.substring(0, 60))), row);
        assertTrue(row.endsWith(Markdown.text(SampleResults.LONG_FIX) + " (verified) |"), row);
        assertFalse(row.contains("\u2026"), row);
    }
}
