package dev.crashlab.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --classpath} is the user's code as the user ships it: a target built against Guava 32.1.3
 * and Jackson 2.17.2 runs with those, although crashlab itself runs with newer ones (on this test's
 * class path, unrelocated, as in a user's test JVM). The provider refuses to describe a target if
 * it sees any other version, so a parent-first loader fails this test with exit 2.
 */
class UserClassPathTest {

    @TempDir
    static Path tmp;
    static Path classes;
    static String userLibs;

    static final String PROVIDER = """
            package lib;

            import com.fasterxml.jackson.databind.ObjectMapper;
            import com.fasterxml.jackson.databind.cfg.PackageVersion;
            import com.google.common.collect.ImmutableMap;
            import dev.crashlab.faults.crash.PersistenceModel;
            import dev.crashlab.scenarios.api.CrashTarget;
            import dev.crashlab.scenarios.api.CrashTargetProvider;
            import dev.crashlab.reports.Guarantee;
            import java.nio.channels.FileChannel;
            import java.nio.file.Files;
            import java.nio.file.NoSuchFileException;
            import java.nio.file.Path;
            import java.nio.file.StandardCopyOption;
            import java.nio.file.StandardOpenOption;
            import java.util.Map;

            public class JsonSettings implements CrashTargetProvider {
                static final ObjectMapper JSON = new ObjectMapper();

                static void save(Path dir, Map<String, Integer> settings) throws Exception {
                    Path temp = dir.resolve("settings.json.tmp");
                    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                        out.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(settings)));
                        out.force(true);
                    }
                    Files.move(temp, dir.resolve("settings.json"), StandardCopyOption.ATOMIC_MOVE);
                    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                        d.force(true);
                    }
                }

                static Object load(Path dir) throws Exception {
                    try {
                        return JSON.readValue(Files.readAllBytes(dir.resolve("settings.json")), Map.class);
                    } catch (NoSuchFileException e) {
                        return null;
                    }
                }

                @Override
                public CrashTarget target() {
                    String jackson = PackageVersion.VERSION.toString();
                    String guava = ImmutableMap.class.getProtectionDomain().getCodeSource().getLocation().getPath();
                    if (!jackson.equals("2.17.2") || !guava.contains("guava-32.1.3-jre")) {
                        throw new IllegalStateException("not the user's libraries: Jackson " + jackson + ", Guava from " + guava);
                    }
                    return CrashTarget.builder("json-settings")
                            .setUp(dir -> save(dir, ImmutableMap.of("a", 1)))
                            .writer(dir -> save(dir, ImmutableMap.of("a", 2)))
                            .reader(JsonSettings::load, Map.of("a", 1), Map.of("a", 2))
                            .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                            .models(PersistenceModel.builtIn().stream().filter(m -> m.name().equals("ext4-like")).toList())
                            .build();
                }
            }
            """;

    @BeforeAll
    static void compileAgainstTheUsersVersions() throws IOException {
        Path libs = Path.of(System.getProperty("crashlab.test.userLibs", "target/user-libs"));
        try (Stream<Path> jars = Files.list(libs)) {
            userLibs = String.join(File.pathSeparator, jars.map(Path::toString).sorted().toList());
        }
        Path src = Files.createDirectories(tmp.resolve("src/lib"));
        classes = Files.createDirectories(tmp.resolve("classes"));
        Files.writeString(src.resolve("JsonSettings.java"), PROVIDER);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(),
                "-cp", userLibs + File.pathSeparator + System.getProperty("java.class.path"),
                src.resolve("JsonSettings.java").toString()));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(new String[0])),
                "the provider compiles");
    }

    @Test
    void theUsersGuavaAndJacksonAreTheOnesChecked() throws IOException {
        String crashlabsJackson = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString();
        assertTrue(!crashlabsJackson.equals("2.17.2"), "the test needs crashlab on another Jackson: " + crashlabsJackson);
        Path out = tmp.resolve("out");

        Cli r = Cli.run("check", "--out", out.toString(), "--target", "lib.JsonSettings",
                "--classpath", classes + File.pathSeparator + userLibs);

        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.readString(out.resolve("summary.md")).contains("json-settings"), r.toString());
    }
}
