package dev.crashlab.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A library's own Maven project (src/test/resources/demo: a checkpoint writer on Guava 32.1.3 and
 * Jackson 2.17.2, JaCoCo, a {@code @CrashTest}, crashlab-maven-plugin's prepare-agent and check)
 * built with the crashlab this build just installed, offline, as a user adopting it would:
 * the fixed writer passes with the project's own library versions and JaCoCo's coverage; the
 * buggy one (no fsync before the rename) fails the build through the extension and through the
 * plugin. Run it with {@code mvn -B -ntp -Padoption -DskipTests install}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdoptionTest {

    static Path project;

    @BeforeAll
    static void copyTheProjectAndFetchWhatItNeeds() throws Exception {
        Path work = Path.of(System.getProperty("crashlab.adoption.work", "target/adoption"));
        project = work.resolve("demo");
        copy(Path.of(AdoptionTest.class.getResource("/demo/pom.xml").toURI()).getParent(), project);
        Path pom = project.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("@crashlab.version@", System.getProperty("crashlab.version")));
        // The one online step: the project's own third-party artifacts (JaCoCo, its Guava and Jackson,
        // Surefire's JUnit provider), none of crashlab's, which only this build's install provides.
        Build prime = maven(false, "verify", "-Dcrashlab.skip=true", "-Dtest=NoTestHere",
                "-Dsurefire.failIfNoSpecifiedTests=false");
        assertEquals(0, prime.code(), prime.toString());
    }

    @Test
    @Order(1)
    void theFixedWriterPassesWithTheProjectsOwnLibrariesAndJacocosCoverage() throws Exception {
        Build build = maven(true, "clean", "verify");

        assertEquals(0, build.code(), build.toString());
        assertEquals(2, count(build.log(), "checked with Jackson 2.17.2 and guava-32.1.3-jre.jar"),
                "the extension's tests and the plugin's check both ran on the project's versions:\n" + build);
        assertTrue(build.log().contains("crashlab: demo.CheckpointTarget: every claimed guarantee held"), build.toString());
        byte[] coverage = Files.readAllBytes(project.resolve("target/jacoco.exec"));
        assertTrue(new String(coverage, java.nio.charset.StandardCharsets.ISO_8859_1).contains("demo/Checkpoint"),
                "JaCoCo still records the project's classes beside crashlab's agent");
        String surefire = Files.readString(project.resolve("target/surefire-reports/TEST-demo.CheckpointCrashTest.xml"));
        List<String> names = testNames(surefire);
        assertEquals(9, names.size(), surefire);
        assertTrue(names.contains("checkpoint: G2 crash atomicity, ext4-like"), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.contains("()") || n.contains("[")), "no checkpoint()[6]: " + names);
        assertTrue(Files.size(project.resolve("target/crashlab-reports/checkpoint/report.html")) > 0);
        assertTrue(Files.size(project.resolve("target/crashlab-reports/check/demo.CheckpointTarget/report.json")) > 0);
    }

    /** What crashlab brings to a user's test class path: the engine and what checking needs, nothing of the campaign. */
    static final Set<String> ALLOWED = Set.of("dev.crashlab:crashlab-engine", "dev.crashlab:crashlab-faults",
            "dev.crashlab:crashlab-reports", "net.bytebuddy:byte-buddy", "net.bytebuddy:byte-buddy-agent",
            "com.fasterxml.jackson.core:jackson-databind", "com.fasterxml.jackson.core:jackson-core",
            "com.fasterxml.jackson.core:jackson-annotations", "com.fasterxml.jackson.datatype:jackson-datatype-jsr310");

    @Test
    @Order(2)
    void crashlabBringsOnlyWhatCheckingNeeds() throws Exception {
        Build build = maven(false, "dependency:tree", "-Dscope=test", "-DoutputFile=dependencies.txt");
        assertEquals(0, build.code(), build.toString());
        String tree = Files.readString(project.resolve("dependencies.txt"));
        System.out.println("the demo project's test class path:\n" + tree);

        List<String> outside = new ArrayList<>();
        int engineDepth = -1;
        for (String line : tree.lines().toList()) {
            Matcher m = Pattern.compile("^([| ]*[+\\\\]- )?([^:\\s]+):([^:]+):").matcher(line);
            if (!m.find()) {
                continue;
            }
            int depth = m.group(1) == null ? 0 : m.group(1).length();
            String artifact = m.group(2) + ":" + m.group(3);
            if (engineDepth >= 0 && depth <= engineDepth) {
                engineDepth = -1;
            }
            if (artifact.equals("dev.crashlab:crashlab-engine")) {
                engineDepth = depth;
            }
            if (engineDepth >= 0 && !ALLOWED.contains(artifact)) {
                outside.add(line.strip());
            }
        }
        assertTrue(tree.contains("dev.crashlab:crashlab-engine:jar:"), tree);
        assertEquals(List.of(), outside, "crashlab-engine brought artifacts a check does not need:\n" + tree);
    }

    @Test
    @Order(3)
    void theBuggyWriterFailsTheBuildThroughTheExtension() throws Exception {
        breakTheWriter();

        Build build = maven(true, "verify");

        assertNotEquals(0, build.code(), build.toString());
        assertTrue(build.log().contains("Tests run: 9, Failures: 4"), build.toString());
        assertTrue(build.log().contains("demo.CheckpointCrashTest.checkpoint: G2 crash atomicity, ext4-like"), build.toString());
        assertTrue(build.log().contains("checkpoint.json  (0 bytes)"), "the counterexample is printed:\n" + build);
    }

    @Test
    @Order(4)
    void theBuggyWriterFailsTheBuildThroughThePlugin() throws Exception {
        breakTheWriter();

        Build build = maven(true, "verify", "-Dmaven.test.failure.ignore=true");

        assertNotEquals(0, build.code(), build.toString());
        assertTrue(build.log().contains("crashlab-maven-plugin:" + System.getProperty("crashlab.version") + ":check"),
                build.toString());
        assertTrue(build.log().contains("crashlab: demo.CheckpointTarget (") && build.log().contains("broke a guarantee it claims"),
                build.toString());
    }

    private static void breakTheWriter() throws IOException {
        Path source = project.resolve("src/main/java/demo/Checkpoint.java");
        Files.writeString(source, Files.readString(source).replace("FSYNC = true", "FSYNC = false"));
    }

    record Build(int code, String log) {
        @Override
        public String toString() {
            String[] lines = log.split("\n");
            return "exit " + code + ", last lines:\n" + String.join("\n",
                    java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 80), lines.length));
        }
    }

    private static Build maven(boolean offline, String... goals) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-ntp", "-Dstyle.color=never",
                "-Dmaven.repo.local=" + System.getProperty("crashlab.localRepository")));
        if (offline) {
            command.add("-o");
        }
        command.addAll(List.of(goals));
        Path log = Files.createTempFile(project.getParent(), "build", ".log");
        Process p = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        p.getOutputStream().close();
        // A watchdog, not a timing: a hung inner build fails the test instead of hanging the run.
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("the demo project's build did not finish within 10 minutes; its log: " + log);
        }
        String out = Files.readString(log);
        return new Build(p.exitValue(), out);
    }

    private static List<String> testNames(String surefireXml) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("<testcase name=\"([^\"]*)\"").matcher(surefireXml);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
