package dev.crashlab.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** report.json: writing, and reading back with a clear word on a file this version cannot read. */
final class JsonCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    private JsonCodec() {
    }

    static String write(CampaignResult result) {
        try {
            return MAPPER.writeValueAsString(result) + "\n";
        } catch (JsonProcessingException e) {
            throw new ReportException("cannot write the report as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** @param origin where the text came from, for the error message */
    static CampaignResult read(String json, String origin) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ReportException(origin + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ReportException(origin + " is not a crashlab report (no JSON object)");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.isInt()) {
            throw new ReportException(origin + " is not a crashlab report (no schemaVersion)");
        }
        if (version.intValue() != CampaignResult.SCHEMA_VERSION) {
            throw new ReportException(origin + " has schemaVersion " + version.intValue()
                    + "; this crashlab reads schemaVersion " + CampaignResult.SCHEMA_VERSION);
        }
        try {
            return MAPPER.treeToValue(tree, CampaignResult.class);
        } catch (ValueInstantiationException e) {
            // A record refused its values (e.g. a violated cell without a counterexample): its own
            // message says what is wrong; Jackson's wrapper only adds noise.
            Throwable why = e.getCause() == null ? e : e.getCause();
            throw new ReportException(origin + " is inconsistent: " + why.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ReportException(origin + " does not match the report schema: "
                    + e.getOriginalMessage(), e);
        }
    }
}
