package dev.crashlab.faults.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM started with the dispatcher on its bootstrap class path, as the launcher starts its short runs. */
class GivenDispatcherTest {

    @TempDir
    Path tmp;

    @Test
    void theGivenDispatcherIsUsedAndClassDataSharingStaysOn() throws Exception {
        Path boot = bootClasses(Agent.BOOT_CLASSES);
        String out = child(boot, 0);
        assertTrue(out.contains("dispatcher loader: null"), out);
        assertTrue(out.contains("sun.nio.ch.FileChannelImpl"), out);
        // what appending at run time makes the VM print, with sharing off for every class after it
        assertFalse(out.contains("Sharing is only supported"), out);
    }

    @Test
    void anotherCrashlabsDispatcherIsRefusedNamingTheClass() throws Exception {
        Path boot = bootClasses(Agent.BOOT_CLASSES);
        Path skip = boot.resolve(Agent.DISPATCH.replace('.', '/') + "$Skip.class");
        // Another build: the same class with one constant changed (its source file name), still valid.
        String bytes = new String(Files.readAllBytes(skip), StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains("IoDispatch.java"), "the class names its source file");
        Files.write(skip, bytes.replace("IoDispatch.java", "IoDispatch.jav_").getBytes(StandardCharsets.ISO_8859_1));
        String out = child(boot, 1);
        assertTrue(out.contains("holds " + Agent.DISPATCH + "$Skip, but not this crashlab's"), out);
    }

    @Test
    void aPartialDispatcherIsRefused() throws Exception {
        Path boot = bootClasses(Agent.BOOT_CLASSES.subList(0, Agent.BOOT_CLASSES.size() - 1));
        String out = child(boot, 1);
        String last = Agent.BOOT_CLASSES.get(Agent.BOOT_CLASSES.size() - 1);
        assertTrue(out.contains("holds " + last + ", but not this crashlab's") && out.contains("missing there"), out);
    }

    /** A folder with these classes, as a boot jar extracted from crashlab's jar would hold them. */
    private Path bootClasses(List<String> names) throws IOException {
        Path dir = tmp.resolve("boot");
        for (String name : names) {
            String path = name.replace('.', '/') + ".class";
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            try (InputStream in = Agent.class.getClassLoader().getResourceAsStream(path)) {
                Files.copy(in, file);
            }
        }
        return dir;
    }

    private String child(Path boot, int expectedExit) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                "-javaagent:" + agentJar(), "-Xbootclasspath/a:" + boot, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), tmp.resolve("f").toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        // a watchdog, not a timing: a child that hangs fails the test instead of the build
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the child JVM did not end");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(expectedExit, p.exitValue(), out);
        return out;
    }

    private static String agentJar() throws URISyntaxException {
        return new File(ByteBuddyAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
    }

    /** Installs the agent, writes a file through an advised channel, and says what it found. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            try {
                Agent.install();
            } catch (IllegalStateException refused) {
                System.out.println(refused.getMessage());
                System.exit(1);
            }
            try (FileChannel ignored = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                // loads and uses FileChannelImpl through the advice
            }
            System.out.println("dispatcher loader: " + Class.forName(Agent.DISPATCH).getClassLoader());
            System.out.println(Agent.describe());
        }
    }
}
