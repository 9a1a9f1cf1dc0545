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
 * The README's Java under "Checking your own code" is the code of this package, verbatim: each
 * {@code ```java} block there follows a {@code <!-- snippet: NAME -->} line, and NAME is a region
 * of a source file here, between {@code // readme: NAME} and {@code // readme: end}. The regions
 * compile with the module and their tests run them, so an example that stops compiling, or stops
 * doing what the README says, fails the build; this test fails when the README and the code part.
 */
class ReadmeSnippetsTest {

    static final Path README = Path.of("").toAbsolutePath().getParent().resolve("README.md");
    static final Path SOURCES = Path.of("src/test/java/example/readme");
    static final String SECTION = "## Checking your own code";

    private static final Pattern BLOCK = Pattern.compile("<!-- snippet: ([a-z-]+) -->\\n```java\\n(.*?)```",
            Pattern.DOTALL);
    private static final Pattern ANY_JAVA = Pattern.compile("```java\\n");
    private static final Pattern REGION = Pattern.compile("^[ \\t]*// readme: ([a-z-]+)\\n(.*?)^[ \\t]*// readme: end\\n",
            Pattern.DOTALL | Pattern.MULTILINE);

    @Test
    void everyJavaBlockOfTheSectionIsARegionOfTheCodeVerbatim() throws IOException {
        String section = section(Files.readString(README));
        Map<String, String> regions = regions();
        Matcher block = BLOCK.matcher(section);
        List<String> shown = new ArrayList<>();
        while (block.find()) {
            String name = block.group(1);
            shown.add(name);
            assertTrue(regions.containsKey(name), "the README shows snippet '" + name + "', which no region under "
                    + SOURCES + " has; regions: " + regions.keySet());
            assertEquals(regions.get(name), block.group(2), "README snippet '" + name + "' differs from its region in "
                    + SOURCES + ": copy the region (dedented) into the README");
        }
        long javaBlocks = ANY_JAVA.matcher(section).results().count();
        assertEquals(javaBlocks, shown.size(), "every ```java block of the section follows a <!-- snippet: NAME --> line,"
                + " so that it is code that compiles and runs; marked: " + shown);
        List<String> unshown = regions.keySet().stream().filter(n -> !shown.contains(n)).toList();
        assertTrue(unshown.isEmpty(), "regions the README does not show: " + unshown);
    }

    /** One region's text, dedented, as the README shows it. */
    static String region(String name) {
        String text = regions().get(name);
        if (text == null) {
            fail("no region '" + name + "' under " + SOURCES);
        }
        return text;
    }

    private static String section(String readme) {
        int start = readme.indexOf("\n" + SECTION + "\n");
        assertTrue(start >= 0, "README.md has a section '" + SECTION + "'");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
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
