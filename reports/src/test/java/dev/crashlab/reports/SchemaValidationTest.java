package dev.crashlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** report.json is a contract for CI scripts: what we write must follow the schema we ship. */
class SchemaValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(Reports.schema());

    private static Set<ValidationMessage> validate(JsonNode report) {
        return SCHEMA.validate(report);
    }

    private static JsonNode written(CampaignResult result) throws Exception {
        return JSON.readTree(Reports.render(result, Format.JSON));
    }

    @Test
    void passingFailingAndHostileReportsAllValidate() throws Exception {
        assertEquals(Set.of(), validate(written(SampleResults.passing())));
        assertEquals(Set.of(), validate(written(SampleResults.failing())));
        assertEquals(Set.of(), validate(written(SampleResults.withTargetId("<b>\u0000" + "k".repeat(10_000)))));
        assertEquals(Set.of(), validate(written(SampleResults.result(java.util.List.of(), java.util.List.of()))));
        assertEquals(Set.of(), validate(written(SampleResults.userCheck())), "a user's check: no seed");
    }

    @Test
    void theSchemaHasTeeth() throws Exception {
        ObjectNode extra = (ObjectNode) written(SampleResults.passing());
        extra.put("surprise", true);
        assertFalse(validate(extra).isEmpty(), "unknown top-level property");

        ObjectNode numericSeed = (ObjectNode) written(SampleResults.passing());
        numericSeed.put("seed", 42);
        assertFalse(validate(numericSeed).isEmpty(), "seed must be a string");

        ObjectNode noFileSystem = (ObjectNode) written(SampleResults.passing());
        ((ObjectNode) noFileSystem.get("environments").get(0)).remove("fileSystem");
        assertFalse(validate(noFileSystem).isEmpty(), "an environment without its file system");

        ObjectNode violatedBare = (ObjectNode) written(SampleResults.passing());
        ((ObjectNode) violatedBare.get("targets").get(0).get("cells").get(0)).put("status", "violated");
        assertFalse(validate(violatedBare).isEmpty(), "violated without a counterexample");

        ObjectNode badModel = (ObjectNode) written(SampleResults.passing());
        ((ObjectNode) badModel.get("targets").get(0).get("cells").get(0)).put("model", "<btrfs>");
        assertFalse(validate(badModel).isEmpty(), "unknown model");
    }

    @Test
    void theSchemaVersionConstantMatchesTheSchema() throws Exception {
        JsonNode schema = JSON.readTree(Reports.schema());
        assertEquals(CampaignResult.SCHEMA_VERSION,
                schema.get("properties").get("schemaVersion").get("const").intValue());
    }
}
