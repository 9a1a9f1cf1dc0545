package example.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java that the README and docs/checking-your-own-code.md show is the code of this package,
 * verbatim: each {@code ```java} block there follows a {@code <!-- snippet: NAME -->} line, and NAME
 * is a region of a source file here, between {@code // readme: NAME} and {@code // readme: end}. The
 * regions compile with the module and their tests run them, so an example that stops compiling, or
 * stops doing what the page says, fails the build; this test fails when a page and the code part.
 */
class ReadmeSnippetsTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final List<Path> PAGES = List.of(ROOT.resolve("README.md"), ROOT.resolve("docs/checking-your-own-code.md"),
            ROOT.resolve("docs/property-checks.md"));
    static final Path SOURCES = Path.of("src/test/java/example/readme");

    private static final Pattern BLOCK = Pattern.compile("<!-- snippet: ([a-z-]+) -->\\n```java\\n(.*?)```",
            Pattern.DOTALL);
    private static final Pattern ANY_JAVA = Pattern.compile("```java\\n");
    private static final Pattern REGION = Pattern.compile("^[ \\t]*// readme: ([a-z-]+)\\n(.*?)^[ \\t]*// readme: end\\n",
            Pattern.DOTALL | Pattern.MULTILINE);

    @Test
    void everyJavaBlockOfThePagesIsARegionOfTheCodeVerbatim() throws IOException {
        Map<String, String> regions = regions();
        List<String> shown = new ArrayList<>();
        for (Path page : PAGES) {
            String text = Files.readString(page);
            Matcher block = BLOCK.matcher(text);
            List<String> here = new ArrayList<>();
            while (block.find()) {
                String name = block.group(1);
                here.add(name);
                assertTrue(regions.containsKey(name), page.getFileName() + " shows snippet '" + name
                        + "', which no region under " + SOURCES + " has; regions: " + regions.keySet());
                assertEquals(regions.get(name), block.group(2), page.getFileName() + " snippet '" + name
                        + "' differs from its region in " + SOURCES + ": copy the region (dedented) into the page");
            }
            long javaBlocks = ANY_JAVA.matcher(text).results().count();
            assertEquals(javaBlocks, here.size(), "every ```java block of " + page.getFileName()
                    + " follows a <!-- snippet: NAME --> line, so that it is code that compiles and runs; marked: " + here);
            shown.addAll(here);
        }
        List<String> unshown = regions.keySet().stream().filter(n -> !shown.contains(n)).toList();
        assertTrue(unshown.isEmpty(), "regions no page shows: " + unshown);
    }

    /** Every snippet that uses a crashlab type shows where it comes from: the imports region names each one. */
    @Test
    void theImportsRegionNamesEveryCrashlabTypeTheSnippetsUse() {
        Map<String, String> regions = regions();
        String imports = regions.get("imports");
        assertTrue(imports != null, "a region 'imports' lists what the snippets import");
        Pattern crashlabType = Pattern.compile("\\b(CrashTarget|CrashCheck|CrashResult|CrashTests?|Guarantee|PersistenceModel"
                + "|ProcessCrash|Ordered|WeakestPosix|CrossDeviceMove|CrashTargetProvider)\\b");
        for (Map.Entry<String, String> region : regions.entrySet()) {
            if (region.getKey().equals("provider")) {
                continue; // a whole file: its own imports are in the region
            }
            Matcher used = crashlabType.matcher(region.getValue());
            while (used.find()) {
                assertTrue(imports.contains("." + used.group(1) + ";"), "snippet '" + region.getKey() + "' uses "
                        + used.group(1) + ", which the imports region does not import");
            }
        }
    }

    /** One region's text, dedented, as the README shows it. */
    static String region(String name) {
        String text = regions().get(name);
        if (text == null) {
            fail("no region '" + name + "' under " + SOURCES);
        }
        return text;
    }

    private static Map<String, String> regions() {
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = REGION.matcher(Files.readString(file));
                while (m.find()) {
                    if (out.put(m.group(1), dedent(m.group(2))) != null) {
                        fail("two regions are named '" + m.group(1) + "'");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String dedent(String text) {
        int indent = text.lines().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder out = new StringBuilder();
        text.lines().forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        return out.toString();
    }
}
