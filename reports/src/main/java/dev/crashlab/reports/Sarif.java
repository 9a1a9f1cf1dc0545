package dev.crashlab.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * report.sarif (SARIF 2.1.0), for code scanning: a rule per guarantee, a result per violation of a
 * claimed guarantee (error) and per guarantee broken where it is not claimed (note), located at the
 * counterexample's source line. A seeded bug's expected finding is no result: it is the proof the
 * checks work, not a defect of the code under test; a missed one is (error), since it means a
 * check is broken. The location is the source file relative to its package root
 * ({@code com/example/Checkpoint.java}): the trace knows classes, not the repository's layout, so
 * the uploader's source root (e.g. {@code src/main/java}) resolves it.
 */
final class Sarif {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** A stack frame as the trace prints it: com.example.Checkpoint.write(Checkpoint.java:36). */
    private static final Pattern FRAME = Pattern.compile("(?:(.*)\\.)?([^.(]+)\\.([^.(]+)\\(([^:()]+):(\\d+)\\)");

    private Sarif() {
    }

    static String of(CampaignResult r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "crashlab");
        driver.put("version", r.toolVersion());
        ArrayNode rules = driver.putArray("rules");
        for (Guarantee g : Guarantee.values()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", g.name());
            rule.put("name", g.label());
            rule.putObject("shortDescription").put("text", g.label());
        }
        // a finding crashlab explained is filed under its vulnerability, whose fix is the message's point
        for (VulnerabilityClass v : VulnerabilityClass.values()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", v.wireName());
            rule.put("name", v.title());
            rule.putObject("shortDescription").put("text", v.title());
            rule.putObject("fullDescription").put("text", v.meaning());
        }
        ObjectNode properties = run.putObject("properties");
        if (r.seeded()) {
            properties.put("seed", String.valueOf(r.seed()));
        }
        properties.put("budget", r.budget().describe());
        if (!r.scope().isEmpty()) {
            properties.put("scope", r.scope());
        }
        properties.set("environments", MAPPER.valueToTree(r.environments()));
        ArrayNode results = run.putArray("results");
        for (Finding f : Finding.of(r)) {
            Outcome o = f.outcome();
            if (o == Outcome.VIOLATION || o == Outcome.NOT_CLAIMED) {
                result(results, f, o == Outcome.VIOLATION ? "error" : "note");
            }
        }
        for (TargetResult t : r.targets()) {
            for (Guarantee g : t.missedFindings()) {
                ObjectNode missed = results.addObject();
                missed.put("ruleId", g.name());
                missed.put("level", "error");
                missed.putObject("message").put("text", "seeded bug " + t.id() + " should break " + g.label()
                        + " but no check caught it: a check is broken, or the budget is too small to reach it");
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new ReportException("cannot write SARIF: " + e.getOriginalMessage(), e);
        }
    }

    private static void result(ArrayNode results, Finding f, String level) {
        Counterexample cx = f.counterexample();
        ObjectNode result = results.addObject();
        Vulnerability why = cx.vulnerability();
        result.put("ruleId", why == null ? f.cell().guarantee().name() : why.kind().wireName());
        result.put("level", level);
        result.putObject("message").put("text", (why == null ? "" : why.kind().title() + ": fix: "
                + why.fix().describe(f.cell().model().wireName()) + ". ")
                + f.target().id() + " breaks " + f.cell().guarantee().label() + " under "
                + f.cell().model().wireName() + (level.equals("note") ? " (not claimed)" : "") + ": " + cx.fault()
                + "; the reader saw " + cx.readerSaw().lines().findFirst().orElse("") + ". Replay: " + cx.replayCommand());
        result.putObject("partialFingerprints").put("crashlab/v1", f.target().id() + "/" + f.cell().guarantee()
                + "/" + f.cell().model().wireName());
        Matcher frame = cx.sourceLine() == null ? null : FRAME.matcher(cx.sourceLine());
        if (frame == null || !frame.matches()) {
            return;
        }
        String pkg = frame.group(1) == null ? "" : frame.group(1).replace('.', '/') + "/";
        ObjectNode location = result.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", pkg + frame.group(4)).put("uriBaseId", "SRCROOT");
        physical.putObject("region").put("startLine", Integer.parseInt(frame.group(5)));
        location.putArray("logicalLocations").addObject()
                .put("fullyQualifiedName", (frame.group(1) == null ? "" : frame.group(1) + ".") + frame.group(2) + "." + frame.group(3))
                .put("kind", "function");
    }
}
