package dev.crashlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SarifTest {

    @Test
    void eachViolationIsAnErrorAtItsSourceLineAndExpectedFindingsAreNoResult() throws Exception {
        CampaignResult r = SampleResults.failing();
        JsonNode sarif = new ObjectMapper().readTree(Reports.render(r, Format.SARIF));

        assertEquals("2.1.0", sarif.get("version").asText());
        JsonNode run = sarif.get("runs").get(0);
        assertEquals(7 + VulnerabilityClass.values().length, run.get("tool").get("driver").get("rules").size(),
                "a rule per guarantee and per vulnerability class");
        long errors = 0;
        for (JsonNode result : run.get("results")) {
            errors += result.get("level").asText().equals("error") ? 1 : 0;
            assertTrue(result.get("message").get("text").asText().length() > 20, result.toString());
        }
        assertEquals(r.violations() + r.missedFindings(), errors, "violations and missed findings, no expected finding");
        JsonNode first = run.get("results").get(0);
        JsonNode where = first.get("locations").get(0).get("physicalLocation");
        assertTrue(where.get("artifactLocation").get("uri").asText().endsWith(".java"), first.toString());
        assertTrue(where.get("region").get("startLine").asInt() > 0, first.toString());
    }
}
