package dev.crashlab.scenarios.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a user adds to their tests (the engine module, with the recording and the reports under it)
 * never reaches into the campaign: no import of the campaign's packages, the reference store, the
 * command line's or the campaign's libraries. The engine's pom already cannot see the campaign; this
 * also keeps faults and reports from naming it, and the libraries a user's class path would then
 * need (picocli, Jimfs, JFreeChart) out of the code a user's check runs, except where a class says
 * why it may (in-memory materialization and charts, both optional dependencies).
 */
class ModuleBoundaryTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /** Main sources of what a user's test class path gets. */
    static final List<String> USER_MODULES = List.of("engine", "faults", "reports");
    static final List<String> CAMPAIGN = List.of("dev.crashlab.scenarios.campaign", "dev.crashlab.scenarios.check",
            "dev.crashlab.scenarios.cache", "dev.crashlab.scenarios.target", "dev.crashlab.scenarios.workload",
            "dev.crashlab.scenarios.catalog", "dev.crashlab.scenarios.cli", "dev.crashlab.store", "picocli");
    /** Optional libraries, and the one class each that may name one (its callers know it may be absent). */
    static final List<List<String>> OPTIONAL = List.of(List.of("com.google.common.jimfs", "Materializer.java"),
            List.of("org.jfree", "Charts.java"));
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void nothingAUserAddsImportsTheCampaign() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : sources()) {
            for (String imported : imports(f)) {
                if (CAMPAIGN.stream().anyMatch(p -> imported.equals(p) || imported.startsWith(p + "."))) {
                    found.add(ROOT.relativize(f) + " imports " + imported);
                }
            }
        }
        assertEquals(List.of(), found, "the engine, faults and reports are what a user adds; the campaign is a client"
                + " of them, never the other way round");
    }

    /** The campaign is a library the command line, the benchmarks and the study use; it knows none of them. */
    @Test
    void theCampaignDoesNotImportTheCommandLine() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : sources(List.of("scenarios"))) {
            for (String imported : imports(f)) {
                if (imported.startsWith("dev.crashlab.scenarios.cli.") || imported.startsWith("picocli.")
                        || imported.startsWith("dev.crashlab.benchmarks.")) {
                    found.add(ROOT.relativize(f) + " imports " + imported);
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void optionalLibrariesAreNamedOnlyWhereTheirAbsenceIsHandled() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : sources()) {
            for (String imported : imports(f)) {
                for (List<String> optional : OPTIONAL) {
                    if (imported.startsWith(optional.get(0) + ".") && !f.getFileName().toString().equals(optional.get(1))) {
                        found.add(ROOT.relativize(f) + " imports " + imported);
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void anImportOfTheCampaignIsSeenStaticOrNot() {
        List<String> seen = imports("package x;\nimport dev.crashlab.store.WriteOnceStore;\n"
                + "import static dev.crashlab.scenarios.catalog.Claims.claimedBy;\n");
        assertEquals(List.of("dev.crashlab.store.WriteOnceStore", "dev.crashlab.scenarios.catalog.Claims.claimedBy"), seen);
        assertTrue(seen.stream().allMatch(i -> CAMPAIGN.stream().anyMatch(p -> i.startsWith(p + "."))));
    }

    private static List<Path> sources() throws IOException {
        return sources(USER_MODULES);
    }

    private static List<Path> sources(List<String> modules) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String module : modules) {
            Path src = ROOT.resolve(module).resolve("src/main/java");
            assertTrue(Files.isDirectory(src), src.toString());
            try (Stream<Path> files = Files.walk(src)) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static List<String> imports(Path f) throws IOException {
        return imports(Files.readString(f, StandardCharsets.UTF_8));
    }

    private static List<String> imports(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
