package dev.crashlab.faults.oracle;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The command line of a child JVM that runs an oracle's idioms: the same java as this test, the
 * instrumentation from {@code -javaagent} (as Surefire's argLine gives it to this JVM, so no
 * dynamic-agent warning), this JVM's class path, and the settings that start it fastest (C1 only;
 * class-data sharing as far as the agent's boot class path allows).
 */
final class ChildJvm {

    private ChildJvm() {
    }

    static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static List<String> command(Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>(List.of(java(), "-javaagent:" + agentJar(), "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        return command;
    }

    private static String agentJar() {
        try {
            return new File(ByteBuddyAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the byte-buddy-agent jar", e);
        }
    }
}
