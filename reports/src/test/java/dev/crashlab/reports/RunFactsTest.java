package dev.crashlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every format says about the run itself: where it ran (so a verdict can be reproduced and two
 * CI machines compared), and, for a check of a user's targets, no seed and no campaign, which it has
 * neither of.
 */
class RunFactsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFormatSaysWhereTheCheckRan() throws Exception {
        CampaignResult r = SampleResults.failing();
        String line = "Eclipse Adoptium 17.0.13+11, Linux 6.1.0-18-amd64 (amd64), runs on tmpfs (/dev/shm)";
        assertEquals(line, SampleResults.ENVIRONMENT.describe());
        JsonNode env = JSON.readTree(Reports.render(r, Format.JSON)).get("environments").get(0);
        assertEquals("17.0.13+11", env.get("jdkVersion").asText());
        assertEquals("6.1.0-18-amd64", env.get("osVersion").asText());
        assertEquals("tmpfs", env.get("fileSystem").asText());
        assertTrue(Reports.render(r, Format.MARKDOWN).contains("ran on " + line), "summary.md");
        assertTrue(Reports.render(r, Format.HTML).contains("<dt>ran on</dt><dd>" + line + "</dd>"), "report.html");
        assertTrue(Reports.render(r, Format.JUNIT).contains("<property name=\"environment\" value=\"" + line + "\""),
                "junit.xml");
        JsonNode sarif = JSON.readTree(Reports.render(r, Format.SARIF)).get("runs").get(0).get("properties");
        assertEquals("tmpfs", sarif.get("environments").get(0).get("fileSystem").asText(), "report.sarif");
    }

    @Test
    void theEnvironmentIsMeasuredFromThisJvmAndTheRunDirectory() {
        Environment here = Environment.here(Path.of(System.getProperty("java.io.tmpdir")));
        assertEquals(System.getProperty("java.vendor"), here.jdkVendor());
        assertEquals(System.getProperty("os.version"), here.osVersion());
        assertFalse(here.fileSystem().isBlank());
        assertFalse(here.fileSystem().equals(Environment.UNKNOWN), "the JDK names the file system of java.io.tmpdir");
        assertEquals(Environment.UNKNOWN, Environment.here(Path.of("/no/such/directory/at/all")).fileSystem());
    }

    @Test
    void theEnvironmentRoundTripsAndAReportWrittenBeforeItReadsWithNone() throws Exception {
        CampaignResult r = SampleResults.failing();
        assertEquals(r, Reports.parse(Reports.render(r, Format.JSON), "report.json"));
        ObjectNode old = (ObjectNode) JSON.readTree(Reports.render(r, Format.JSON));
        old.remove("environments");
        assertEquals(List.of(), Reports.parse(old.toString(), "old report.json").environments());
    }

    @Test
    void aUserChecksReportNamesNoSeedAndNoCampaign() throws Exception {
        CampaignResult user = SampleResults.userCheck();
        for (Format f : Format.values()) {
            String text = Reports.render(user, f);
            assertFalse(text.contains(String.valueOf(SampleResults.SEED)), f + " shows the seed:\n" + text);
            assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains("campaign"), f + " speaks of a campaign:\n" + text);
            if (f != Format.JSON) {
                assertFalse(text.contains("\"seed\""), f + " has a seed field:\n" + text);
            }
        }
        assertTrue(JSON.readTree(Reports.render(user, Format.JSON)).get("seed").isNull());
        assertEquals(user, Reports.parse(Reports.render(user, Format.JSON), "report.json"), "an unseeded report reads back");
    }

    @Test
    void theBuiltInCampaignsReportKeepsItsSeedAndScope() {
        CampaignResult campaign = SampleResults.passing();
        String summary = Reports.render(campaign, Format.MARKDOWN);
        assertTrue(summary.contains("seed `" + SampleResults.SEED + "`") && summary.contains("whole campaign"), summary);
        assertTrue(Reports.render(campaign, Format.HTML).contains("<dt>seed</dt><dd>" + SampleResults.SEED + "</dd>"));
        assertTrue(Reports.render(campaign, Format.JUNIT).contains("<property name=\"scope\" value=\"whole campaign\""));
    }
}
