package example.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/adopt.md's Maven blocks are parts of the adoption test's project, line for line and in order,
 * so what a newcomer copies is what {@code mvn -Padoption install} builds and runs: a pom that
 * pins Surefire, readers declared with the types they return, imports included. Blank lines and
 * indentation aside; {@code ${crashlab.version}} in the project reads as the version the page shows.
 */
class DocsAdoptTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path PAGE = ROOT.resolve("docs/adopt.md");
    static final Path DEMO = ROOT.resolve("adoption/src/test/resources/demo");
    private static final Pattern BLOCK = Pattern.compile("```(xml|java)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyMavenBlockIsPartOfTheAdoptionProject() throws IOException {
        String page = Files.readString(PAGE);
        String maven = page.substring(page.indexOf("\n## Maven\n"), page.indexOf("\n## ", page.indexOf("\n## Maven\n") + 1));
        String version = version();
        Matcher block = BLOCK.matcher(maven);
        int blocks = 0;
        while (block.find()) {
            blocks++;
            List<String> shown = lines(block.group(2));
            List<Path> candidates = block.group(1).equals("xml") ? List.of(DEMO.resolve("pom.xml")) : javaFiles();
            String near = null;
            boolean found = false;
            for (Path file : candidates) {
                List<String> project = lines(Files.readString(file).replace("${crashlab.version}", version));
                int missing = firstMissing(shown, project);
                if (missing < 0) {
                    found = true;
                    break;
                }
                near = file.getFileName() + " has no line '" + shown.get(missing) + "' after the ones before it";
            }
            assertTrue(found, "docs/adopt.md block " + blocks + " is not part of the adoption project: " + near
                    + "\n" + block.group(2));
        }
        assertEquals(4, blocks, "the Maven section's blocks: the pom, the target, its test, the check goal");
    }

    @Test
    void aPartMustBeInOrder() {
        assertEquals(-1, firstMissing(List.of("a", "c"), List.of("a", "b", "c")));
        assertEquals(1, firstMissing(List.of("c", "a"), List.of("a", "b", "c")));
    }

    /** The index of the first shown line not found after the previous one, or -1. */
    static int firstMissing(List<String> shown, List<String> project) {
        int at = 0;
        for (int i = 0; i < shown.size(); i++) {
            int found = project.subList(at, project.size()).indexOf(shown.get(i));
            if (found < 0) {
                return i;
            }
            at += found + 1;
        }
        return -1;
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(DEMO.resolve("src"))) {
            return new ArrayList<>(files.filter(p -> p.toString().endsWith(".java")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version() throws IOException {
        Matcher m = Pattern.compile("<artifactId>crashlab</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(m.find(), "the root pom's version");
        return m.group(1);
    }
}
