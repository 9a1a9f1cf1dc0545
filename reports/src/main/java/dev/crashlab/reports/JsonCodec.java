package dev.crashlab.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
            throw new ReportException(origin + " is not JSON (" + where(e) + "): it was cut short or edited; "
                    + REWRITE, e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ReportException(origin + " is not a crashlab report (no JSON object); " + REWRITE);
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.isInt()) {
            throw new ReportException(origin + " is not a crashlab report (no schemaVersion); " + REWRITE);
        }
        if (version.intValue() != CampaignResult.SCHEMA_VERSION) {
            throw new ReportException(origin + " has schemaVersion " + version.intValue()
                    + "; this crashlab reads schemaVersion " + CampaignResult.SCHEMA_VERSION
                    + ": run check (or merge) with this crashlab to write it again");
        }
        if (!tree.has("environments")) {
            // written before crashlab recorded where a check ran: still the same schema, nothing to misread
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree).putArray("environments");
        }
        try {
            return MAPPER.treeToValue(tree, CampaignResult.class);
        } catch (ValueInstantiationException e) {
            // A record refused its values (e.g. a violated cell without a counterexample): its own
            // message says what is wrong; Jackson's wrapper only adds noise.
            Throwable why = e.getCause() == null ? e : e.getCause();
            throw new ReportException(origin + " is inconsistent at " + path(e) + ": " + why.getMessage() + "; "
                    + REWRITE, e);
        } catch (JsonProcessingException e) {
            String what = e instanceof UnrecognizedPropertyException u ? "unknown field \"" + u.getPropertyName() + "\""
                    : plain(e.getOriginalMessage());
            throw new ReportException(origin + " does not match the report schema at " + path(e) + ": " + what + "; "
                    + REWRITE, e);
        }
    }

    private static final String REWRITE = "write it again with crashlab check (or merge), and do not edit it by hand";

    /** "line 3, column 7" of a parse error. */
    private static String where(JsonProcessingException e) {
        var at = e.getLocation();
        return at == null ? "unreadable" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** The field the reader stopped at, as a JSON path a person can find in the file: targets[2].cells[0].status. */
    private static String path(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
            return "the top level";
        }
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                out.append(out.length() > 0 ? "." : "").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "the top level" : out.toString();
    }

    /** Jackson's message without its package names and back quotes: "value of type long from String". */
    private static String plain(String message) {
        String first = message == null ? "unreadable value" : message.lines().findFirst().orElse("");
        return first.replaceAll("`(?:[a-zA-Z0-9_$]+\\.)*([a-zA-Z0-9_$\\[\\]]+)`", "$1")
                .replaceAll("\\(class [^)]*\\)", "")
                .replaceAll("\\s+", " ").strip();
    }
}
