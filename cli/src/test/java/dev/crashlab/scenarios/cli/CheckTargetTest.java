package dev.crashlab.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Reports;
import dev.crashlab.reports.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code check --target CLASS --classpath CP}. The providers are compiled here into a directory
 * that is not on the test's class path, so they reach crashlab only through --classpath's
 * URLClassLoader, as a user's would. The safe one fsyncs with FileOutputStream.getFD().sync(),
 * whose call sites the agent must rewrite in those classes on JDK 17: if it missed them, the
 * ext4-like model would find the unsynced rename and the safe target would fail like the unsafe one.
 */
class CheckTargetTest {

    @TempDir
    static Path tmp;
    static Path classes;

    static final String SETTINGS = """
            package demo;

            import dev.crashlab.faults.crash.PersistenceModel;
            import dev.crashlab.scenarios.api.CrashTarget;
            import dev.crashlab.reports.Guarantee;
            import java.io.FileOutputStream;
            import java.nio.channels.FileChannel;
            import java.nio.charset.StandardCharsets;
            import java.nio.file.Files;
            import java.nio.file.NoSuchFileException;
            import java.nio.file.Path;
            import java.nio.file.StandardCopyOption;
            import java.nio.file.StandardOpenOption;

            final class Settings {
                static void save(Path dir, String text, boolean fsync) throws Exception {
                    Path temp = dir.resolve("settings.tmp");
                    try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
                        out.write(text.getBytes(StandardCharsets.UTF_8));
                        if (fsync) {
                            out.getFD().sync();
                        }
                    }
                    Files.move(temp, dir.resolve("settings"), StandardCopyOption.ATOMIC_MOVE);
                    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                        d.force(true);
                    }
                }

                static String load(Path dir) throws Exception {
                    try {
                        return Files.readString(dir.resolve("settings"));
                    } catch (NoSuchFileException e) {
                        return null;
                    }
                }

                static CrashTarget target(String name, boolean fsync) {
                    return CrashTarget.builder(name)
                            .setUp(dir -> save(dir, "a=1", true))
                            .writer(dir -> save(dir, "a=2", fsync))
                            .reader(Settings::load, "a=1", "a=2")
                            .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                            .models(PersistenceModel.builtIn().stream().filter(m -> m.name().equals("ext4-like")).toList())
                            .build();
                }
            }
            """;

    static final List<String> PROVIDERS = List.of(
            "public class SafeSettings implements dev.crashlab.scenarios.api.CrashTargetProvider {"
                    + " public dev.crashlab.scenarios.api.CrashTarget target() { return Settings.target(\"settings\", true); } }",
            "public class UnsyncedSettings implements dev.crashlab.scenarios.api.CrashTargetProvider {"
                    + " public dev.crashlab.scenarios.api.CrashTarget target() { return Settings.target(\"settings-unsynced\", false); } }",
            "public class FailingWriter implements dev.crashlab.scenarios.api.CrashTargetProvider {"
                    + " public dev.crashlab.scenarios.api.CrashTarget target() {"
                    + " return dev.crashlab.scenarios.api.CrashTarget.builder(\"failing\")"
                    + ".writer(dir -> { throw new java.io.IOException(\"disk full\"); })"
                    + ".reader(dir -> null, null, null).build(); } }",
            "public class NoModels implements dev.crashlab.scenarios.api.CrashTargetProvider {"
                    + " public dev.crashlab.scenarios.api.CrashTarget target() {"
                    + " return dev.crashlab.scenarios.api.CrashTarget.builder(\"no-models\").writer(dir -> { })"
                    + ".reader(dir -> null, null, null).models(java.util.List.of()).build(); } }",
            "public class WrongBefore implements dev.crashlab.scenarios.api.CrashTargetProvider {"
                    + " public dev.crashlab.scenarios.api.CrashTarget target() {"
                    + " return dev.crashlab.scenarios.api.CrashTarget.builder(\"wrong-before\")"
                    + ".setUp(dir -> java.nio.file.Files.writeString(dir.resolve(\"state\"), \"v0\"))"
                    + ".writer(dir -> java.nio.file.Files.writeString(dir.resolve(\"state\"), \"v2\"))"
                    + ".reader(dir -> java.nio.file.Files.readString(dir.resolve(\"state\")), \"v1\", \"v2\").build(); } }",
            // a lock file written as libraries write theirs: crashlab's advice once threw into writeBytes(String)
            "public class LockFile implements dev.crashlab.scenarios.api.CrashTargetProvider {"
                    + " public dev.crashlab.scenarios.api.CrashTarget target() {"
                    + " return dev.crashlab.scenarios.api.CrashTarget.builder(\"lock-file\")"
                    + ".setUp(dir -> java.nio.file.Files.writeString(dir.resolve(\"lock\"), \"v1\"))"
                    + ".writer(dir -> { try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile("
                    + "dir.resolve(\"lock\").toFile(), \"rw\")) {"
                    + " raf.setLength(0); raf.writeBytes(\"v2\"); raf.getFD().sync(); } })"
                    + ".reader(dir -> java.nio.file.Files.readString(dir.resolve(\"lock\")), \"v1\", \"v2\")"
                    + ".claims(dev.crashlab.reports.Guarantee.G3).build(); } }",
            // a plan runs inside the advice, as crashlab's own code does: its failure stands for a bug of crashlab's
            "public class FailingPlan implements dev.crashlab.scenarios.api.CrashTargetProvider {"
                    + " public dev.crashlab.scenarios.api.CrashTarget target() {"
                    + " return dev.crashlab.scenarios.api.CrashTarget.builder(\"failing-plan\")"
                    + ".writer(dir -> java.nio.file.Files.writeString(dir.resolve(\"state\"), \"v2\"))"
                    + ".reader(dir -> java.nio.file.Files.exists(dir.resolve(\"state\"))"
                    + " ? java.nio.file.Files.readString(dir.resolve(\"state\")) : null, null, \"v2\")"
                    + ".faults(new dev.crashlab.faults.plan.FaultPlan() { public void before("
                    + "dev.crashlab.faults.plan.Operation op) { throw new IllegalStateException(\"planned bug\"); } })"
                    + ".build(); } }",
            "public class NotAProvider { }",
            "public class NeedsAnArgument implements dev.crashlab.scenarios.api.CrashTargetProvider {"
                    + " public NeedsAnArgument(int x) { }"
                    + " public dev.crashlab.scenarios.api.CrashTarget target() { return null; } }");

    @BeforeAll
    static void compileProviders() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src/demo"));
        classes = Files.createDirectories(tmp.resolve("classes"));
        Files.writeString(src.resolve("Settings.java"), SETTINGS);
        List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), src.resolve("Settings.java").toString()));
        for (String provider : PROVIDERS) {
            String name = provider.split(" ")[2];
            Files.writeString(src.resolve(name + ".java"), "package demo;\n" + provider + "\n");
            args.add(src.resolve(name + ".java").toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])), "the providers compile");
    }

    @Test
    void aTargetLoadedFromTheClasspathIsCheckedAndReportedLikeTheCampaign() throws Exception {
        Path out = tmp.resolve("safe");

        Cli r = Cli.run("check", "--out", out.toString(), "--target", "demo.SafeSettings", "--classpath", classes.toString());

        assertEquals(0, r.code(), r.toString());
        for (String file : new String[] {"report.json", "report.html", "summary.md", "junit.xml"}) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        assertTrue(r.out().contains("crashlab check: PASSED"), r.toString());
        assertTrue(r.err().contains("crashlab check: settings (demo.SafeSettings, 1 fault context(s)"), r.toString());
        CampaignResult report = Reports.read(out);
        assertEquals(List.of("settings"), report.targets().stream().map(t -> t.id()).toList());
        assertTrue(report.targets().get(0).cells().stream().allMatch(c -> c.status() == Status.HELD), r.toString());
        assertEquals(3, report.targets().get(0).cells().size(), "G1 concurrent-reader, G2 and G3 ext4-like");
        assertTrue(report.counts().crashPoints() > 0, "a user target's crash points are counted: " + report.counts());
    }

    @Test
    void aBrokenClaimExitsOneWithTheCounterexampleInTheReports() throws Exception {
        Path out = tmp.resolve("unsynced");

        Cli r = Cli.run("check", "--out", out.toString(), "--target", "demo.UnsyncedSettings", "--classpath", classes.toString());

        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("crashlab check: FAILED: a target under test broke a guarantee it claims"), r.toString());
        assertTrue(r.err().contains("finished in") && r.err().contains("2 VIOLATION(S)"), r.toString());
        String junit = Files.readString(out.resolve("junit.xml"));
        assertTrue(junit.contains("<failure"), junit);
        assertTrue(junit.contains("(0 bytes)"), "the zero-length file the rename left:\n" + junit);

        // and the command line replays it from its token, as it does the campaign's
        String token = Reports.read(out).targets().get(0).cells().stream().filter(c -> c.status() == Status.VIOLATED)
                .findFirst().orElseThrow().counterexample().seed();
        Cli replay = Cli.run("replay", token, "--target", "demo.UnsyncedSettings", "--classpath", classes.toString());
        assertEquals(0, replay.code(), replay.toString());
        assertTrue(replay.out().startsWith("VIOLATED: settings-unsynced G2 crash atomicity"), replay.toString());
        assertTrue(replay.out().contains("replay:     CrashCheck.replay(target, \"" + token + "\")"), replay.toString());
        Cli wrong = Cli.run("replay", "settings-unsynced:7:ext4-like:0", "--target", "demo.UnsyncedSettings",
                "--classpath", classes.toString());
        assertEquals(2, wrong.code(), wrong.toString());
        assertTrue(wrong.err().contains("names fault #7"), wrong.toString());
    }

    @Test
    void aTargetWhoseWriterFailsWithNoFaultIsExitTwoWithTheTraceSoFar() {
        Path out = tmp.resolve("failing-out");

        Cli r = Cli.run("check", "--out", out.toString(), "--target", "demo.FailingWriter", "--classpath", classes.toString());

        // Unlike a mistyped option, it names the target's exception and shows what the writer did: it is the
        // user's code that failed, so nothing points at --help.
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("crashlab check: --target demo.FailingWriter: the writer of failing failed with no"
                + " fault injected: java.io.IOException: disk full\ntrace so far:\n"), r.toString());
        assertFalse(r.err().contains("--help"), r.toString());
        assertFalse(Files.exists(out.resolve("report.json")));
    }

    @Test
    void aLockFileWrittenWithRandomAccessFileWriteBytesIsChecked() {
        Path out = tmp.resolve("lock-out");

        Cli r = Cli.run("check", "--out", out.toString(), "--target", "demo.LockFile", "--classpath", classes.toString());

        // It once ended as exit 2, "the writer of lock-file failed with no fault injected: ClassCastException".
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("crashlab check: PASSED"), r.toString());
    }

    @Test
    void aFailureOfCrashlabsOwnIsExitThreeAndNotBlamedOnTheWriter() {
        Path out = tmp.resolve("own-failure-out");

        Cli r = Cli.run("check", "--out", out.toString(), "--target", "demo.FailingPlan", "--classpath", classes.toString());

        // It once ended as a note that the writer failed under the fault, as if the writer's code had thrown.
        assertEquals(3, r.code(), r.toString());
        // after the progress lines a user's check prints on stderr
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("crashlab check: crashlab failed: a bug in crashlab, not in your"
                + " code (java.lang.IllegalStateException: planned bug inside an intercepted call of the target;")), r.toString());
        assertTrue(r.err().contains("\tat "), "with its stack:\n" + r);
        assertFalse(r.err().contains("the writer of failing-plan failed"), r.toString());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "demo.NoModels    | crashlab check: --target demo.NoModels: its target was refused: a target needs at least one"
                    + " persistence model to judge G2 and G3 under, e.g. .models(PersistenceModel.builtIn())",
            "demo.WrongBefore | crashlab check: --target demo.WrongBefore: the reader of wrong-before finds \"v0\" after"
                    + " the set-up, but the target declares \"v1\" as what it finds before the writer runs: fix"
                    + " .reader(read, before, after) or the set-up",
    })
    void aTargetDescribedWronglyIsOneLineAndExitTwoWithoutPointingAtTheOptions(String target, String expected) {
        Path out = tmp.resolve("refused-out");

        Cli r = Cli.run("check", "--out", out.toString(), "--target", target, "--classpath", classes.toString());

        // the options are right, the target is not: the line says what to fix in it, and nothing points at --help
        assertEquals(2, r.code(), r.toString());
        assertEquals(expected, r.err().strip(), r.toString());
        assertFalse(Files.exists(out.resolve("report.json")), "nothing may be written for a target that cannot be checked");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "--target demo.Missing --classpath {classes}           | --target: no class demo.Missing on the class path",
            "--target demo.NotAProvider --classpath {classes}      | --target: demo.NotAProvider does not implement dev.crashlab.scenarios.api.CrashTargetProvider",
            "--target demo.NeedsAnArgument --classpath {classes}   | --target: demo.NeedsAnArgument has no public no-argument constructor",
            "--target demo.SafeSettings --classpath {tmp}/none.jar | --classpath: class path entry {tmp}/none.jar does not exist",
            "--classpath {classes}                                 | --classpath needs --target",
            "--target demo.SafeSettings --classpath {classes} --shard 1/2 | --shard selects part of the built-in campaign",
            "--target demo.SafeSettings --classpath {classes} --models ordered | --models selects part of the built-in campaign",
    })
    void aWrongTargetOrClasspathIsOneLineAndExitTwo(String args, String expected) {
        Path out = tmp.resolve("usage-out");
        String line = "check --out " + out + " " + args.replace("{classes}", classes.toString()).replace("{tmp}", tmp.toString());

        Cli r = Cli.run(line.trim().split("\\s+"));

        UsageErrorsTest.assertUsageError(r, expected.replace("{tmp}", tmp.toString()));
        assertFalse(Files.exists(out.resolve("report.json")), "nothing may be written on a usage error");
    }
}
