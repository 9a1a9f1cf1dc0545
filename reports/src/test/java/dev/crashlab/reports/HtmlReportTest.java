package dev.crashlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static int count(String haystack, String needle) {
        return haystack.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void theMatrixHasARowPerTargetAndAColouredCellPerGuaranteeAndModel() {
        CampaignResult r = SampleResults.failing();
        String html = Reports.render(r, Format.HTML);
        assertTrue(html.contains("<table class=\"matrix\">"));
        assertEquals(r.targets().size(), count(html, "<tr><th class=\"target\""));
        long cells = r.targets().stream().mapToLong(t -> t.cells().size()).sum();
        assertEquals(cells, count(html, "<td class=\"cell "), "every checked cell is drawn");
        assertEquals(r.violations(), count(html, "<td class=\"cell violation"));
        assertEquals(r.expectedFindings(), count(html, "<td class=\"cell expected"));
        assertTrue(html.contains("<td class=\"cell held"));
        assertTrue(html.contains("<td class=\"cell not-claimed"));
        assertTrue(html.contains("<td class=\"cell na"));
    }

    @Test
    void everyCounterexampleIsShownWithItsTraceCrashPointProvenanceAndEvidence() {
        CampaignResult r = SampleResults.failing();
        String html = Reports.render(r, Format.HTML);
        List<Finding> findings = Finding.of(r);
        for (Finding f : findings) {
            assertTrue(html.contains("<div class=\"cx\" id=\"" + f.anchor() + "\">"), f.anchor());
            assertTrue(html.contains("href=\"#" + f.anchor() + "\""), "the matrix links to " + f.anchor());
        }
        long cards = findings.stream().map(f -> f.target().id() + f.cell().guarantee()).distinct().count();
        assertEquals(cards, count(html, "<section class=\"finding "), "one card per target and guarantee");
        assertEquals(findings.size(), count(html, "<table class=\"trace\">"));
        assertEquals(findings.size(), count(html, "<tr class=\"crash\">"));
        assertTrue(html.contains("./crashlab replay " + (SampleResults.SEED + 8)));
        assertTrue(html.contains("crash state:</b> persisted #0 #3 #4; dropped #2; torn #1 (sector 0 kept, rest zeroed)"));
        assertTrue(html.contains("<h4>reader saw</h4><pre>config.json holds 4096 bytes of v2 then zeros</pre>"));
        assertTrue(html.contains("Violations (2)") && html.contains("Expected findings (seeded bugs) (6)"));
        assertTrue(html.contains("2 violations of claimed guarantees"));
        assertTrue(html.contains("\u26a1 writer paused here, reader ran (before #4)"), "cache-ahead's reader finding");
    }

    @Test
    void operationNamesAreNeverBrokenAndTimesAreToTheSecond() {
        String html = Reports.render(SampleResults.failing(), Format.HTML);
        assertTrue(html.contains("<td class=\"kind\">"), "the operation column");
        assertTrue(Resources.text("report.css").contains("table.trace td.kind { white-space: nowrap;"));
        java.util.regex.Matcher started = java.util.regex.Pattern.compile("<dt>started</dt><dd>([^<]*)</dd>").matcher(html);
        assertTrue(started.find(), html.substring(0, 2000));
        assertTrue(started.group(1).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC"), started.group(1));
    }

    @Test
    void aPassingCampaignSaysSoAndShowsTheCostTable() {
        String html = Reports.render(SampleResults.passing(), Format.HTML);
        assertTrue(html.contains("every claimed guarantee holds"));
        assertFalse(html.contains("<h2>Violations"));
        assertTrue(html.contains("<h2>Guarantee vs cost</h2>") && html.contains("FILE_AND_DIRECTORY"));
        assertTrue(html.contains("<td class=\"num\">70,400 \u00b1 2,100</td>"), "throughput, grouped");
    }

    @Test
    void chartsAreInlineSvg() {
        String html = Reports.render(SampleResults.failing(), Format.HTML);
        assertEquals(2, count(html, "<svg "), "states explored and time to detect");
        assertTrue(html.contains("crash states judged per target") && html.contains("time to detect"));
    }

    @Test
    void theSameResultAlwaysRendersTheSamePage() {
        assertEquals(Reports.render(SampleResults.failing(), Format.HTML),
                Reports.render(SampleResults.failing(), Format.HTML));
    }

    @Test
    void chartsOfLargeCampaignsSayHowMuchTheyShow() {
        List<TargetResult> many = new java.util.ArrayList<>();
        for (int i = 0; i < 45; i++) {
            many.add(SampleResults.target("writer-" + i).violated(Guarantee.G2, Context.ORDERED, 3, i,
                    SampleResults.cx(i, "put", "k", "torn", CrashPosition.INSIDE)).build());
        }
        many.add(SampleResults.target("a-seeded-bug").seeded("000", Guarantee.G2).claims(Guarantee.G2).build());
        String html = Reports.render(SampleResults.result(many, List.of()), Format.HTML);
        assertTrue(html.contains("crash states judged per target (first 30 of 46)"));
        assertTrue(html.contains("time to detect (first 30 of 45)"));
    }

    @Test
    void aReportOfUserTargetsAloneShowsNoSeededBugLegendNorTimeToDetect() {
        TargetResult mine = SampleResults.target("my-writer").violated(Guarantee.G2, Context.ORDERED, 3, 7,
                SampleResults.cx(7, "put", "k", "torn", CrashPosition.INSIDE)).build();
        CampaignResult r = SampleResults.result(List.of(mine), List.of());
        String html = Reports.render(r, Format.HTML);
        assertEquals(1, count(html, "<svg "), html);
        assertFalse(html.contains("time to detect") || html.contains("seeded bug") || html.contains("expected finding"), html);
        assertFalse(Reports.render(r, Format.MARKDOWN).contains("expected finding"));
    }

    @Test
    void theReportIsSelfContained() {
        String html = Reports.render(SampleResults.failing(), Format.HTML);
        Matcher urls = Pattern.compile("(src|href)\\s*=\\s*[\"']?([^\"'#][^\"' >]*)").matcher(html);
        while (urls.find()) {
            throw new AssertionError("external reference: " + urls.group());
        }
        assertFalse(html.contains("<link") || html.contains("@import"));
        assertFalse(Pattern.compile("url\\(\\s*['\"]?[^#'\"\\s]").matcher(html).find(), "only local url(#id)");
        assertFalse(html.contains("<script"));
    }

    @Test
    void hostileKeysAreEscapedEverywhere() {
        String hostile = "<script>alert('x')</script>\u0000\"><img src=x onerror=alert(1)>" + "k".repeat(10_000);
        String html = Reports.render(SampleResults.withTargetId(hostile), Format.HTML);
        assertFalse(html.contains("<script"), "no script element");
        assertFalse(html.contains("<img"), "no injected element");
        assertFalse(html.contains("\u0000"), "no raw NUL");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\\u0000&quot;&gt;&lt;img"));
        assertTrue(html.contains("k".repeat(10_000)), "the full key is kept in the tooltip");
        assertTrue(html.contains("<span class=\"id\">&lt;script&gt;") && html.contains("\u2026</span>"),
                "the row label is shortened");
    }

    @Test
    void aBenchmarksOnlyReportClaimsNothingAndShowsTheCostTable() {
        String html = Reports.render(SampleResults.result(List.of(), SampleResults.benchmarks()), Format.HTML);
        assertTrue(html.contains("no target was checked"));
        assertFalse(html.contains("every claimed guarantee holds") || html.contains("class=\"matrix\""));
        assertTrue(html.contains("<h2>Guarantee vs cost</h2>"));
        assertTrue(html.endsWith("</html>\n"));
    }
}
