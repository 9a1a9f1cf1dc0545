package dev.crashlab.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A small user target checked from the command line, JVM start included, as a CI job pays it:
 * {@code ./crashlab check --target SettingsTarget --classpath DIR}, the class copied alone into DIR
 * as a user's build would leave it. {@code command=version} is the floor: the JVM and the command
 * line doing nothing. The launcher is the one of the tree this jar was built in (benchmarks/BUILD
 * under it), run with the same BUILD folder and this JVM's java, so the JVM options it chooses are
 * measured with it; {@code -Dcrashlab.cli.jar=PATH} times {@code java -Xshare:off -jar PATH} instead,
 * the jar alone with the JVM's default options. One untimed run comes first.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class CliCheck {

    static final String CLI_JAR_PROPERTY = "crashlab.cli.jar";

    @Param({"check", "version"})
    public String command;

    private Path work;
    private Path classes;
    private List<String> crashlab;
    private Map<String, String> environment;

    @Setup(Level.Trial)
    public void open() throws IOException, InterruptedException {
        String jar = System.getProperty(CLI_JAR_PROPERTY);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (jar != null) {
            crashlab = List.of(java.toString(), "-Xshare:off", "-jar", jar);
            environment = Map.of();
        } else {
            Path build = buildFolder();
            Path launcher = build.getParent().resolveSibling("crashlab");
            if (!Files.isExecutable(launcher)) {
                throw new IllegalStateException("no launcher at " + launcher + ": run this from crashlab's tree,"
                        + " or pass -D" + CLI_JAR_PROPERTY + "=PATH to time the jar alone");
            }
            crashlab = List.of(launcher.toString());
            environment = Map.of("CRASHLAB_BUILD", build.getFileName().toString(),
                    "JAVA_HOME", System.getProperty("java.home"));
        }
        work = Files.createTempDirectory("crashlab-cli-bench-");
        classes = work.resolve("classes");
        String name = SettingsTarget.class.getName().replace('.', '/') + ".class";
        Path file = classes.resolve(name);
        Files.createDirectories(file.getParent());
        try (InputStream in = CliCheck.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("cannot read " + name + " from the benchmarks' own class path");
            }
            Files.copy(in, file);
        }
        // Untimed: the first run after a build prepares the launcher's class-data archive, which a
        // CI job pays once, not once per target.
        run();
    }

    @TearDown(Level.Trial)
    public void close() {
        BenchDirs.delete(work);
    }

    @Benchmark
    public int run() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(crashlab);
        if (command.equals("check")) {
            cmd.addAll(List.of("check", "--target", SettingsTarget.class.getName(), "--classpath", classes.toString(),
                    "--out", work.resolve("out").toString()));
        } else {
            cmd.add("--version");
        }
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("log").toFile());
        builder.environment().putAll(environment);
        Process p = builder.start();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("crashlab " + command + " exited " + exit + ":\n"
                    + Files.readString(work.resolve("log")));
        }
        return exit;
    }

    /** benchmarks/BUILD, the folder holding this jar (or this module's classes folder). */
    private static Path buildFolder() {
        try {
            return Path.of(CliCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
