package dev.crashlab.faults.agent;

import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * Installs the file-I/O instrumentation once per JVM.
 *
 * <p>Preferred loading is {@code -javaagent}: either this module's jar (via {@link #premain}; a
 * {@code Launcher-Agent-Class} manifest entry can point at {@link #agentmain}) or the
 * byte-buddy-agent jar, whose Instrumentation {@link #install()} then picks up. Both are announced
 * on the command line, so JDK 21+ prints no dynamic-agent warning. If neither is present, install
 * falls back to self-attach, which works but makes JDK 21+ warn: library users who cannot add
 * {@code -javaagent} get a working harness and an explanation, not a failure.
 */
public final class Agent {

    static final String BOOT_PACKAGE = "dev.crashlab.faults.agent.boot.";
    static final String DISPATCH = BOOT_PACKAGE + "IoDispatch";
    static final List<String> BOOT_CLASSES = List.of(DISPATCH, DISPATCH + "$Hook",
            DISPATCH + "$Token", DISPATCH + "$Skip", DISPATCH + "$NativeCall");

    private static volatile Instrumentation fromCommandLine;
    private static volatile String loadedBy;
    private static EntryPoints installed;

    private Agent() {
    }

    /** {@code -javaagent:crashlab-faults.jar}. */
    public static void premain(String args, Instrumentation inst) {
        fromCommandLine = inst;
        install();
    }

    /** {@code Launcher-Agent-Class} in an executable jar's manifest. */
    public static void agentmain(String args, Instrumentation inst) {
        premain(args, inst);
    }

    /** Instruments the JDK (idempotent). Must run before anything loads the boot package. */
    public static synchronized void install() {
        if (installed != null) {
            return;
        }
        Instrumentation inst = instrumentation();
        Class<?> dispatch = injectIntoBootstrap(inst);
        installed = EntryPoints.install(inst, dispatch);
    }

    /** How the instrumentation was obtained: "-javaagent" or "self-attach" (null before install). */
    public static String loadedBy() {
        return loadedBy;
    }

    /** The JDK and Jimfs classes that received advice, and whether FileDescriptor.sync call sites are rewritten. */
    public static synchronized String describe() {
        return installed == null ? "not installed" : installed.describe();
    }

    private static Instrumentation instrumentation() {
        if (fromCommandLine != null) {
            loadedBy = "-javaagent";
            return fromCommandLine;
        }
        try {
            Instrumentation inst = ByteBuddyAgent.getInstrumentation();
            loadedBy = "-javaagent";
            return inst;
        } catch (IllegalStateException notOnCommandLine) {
            System.err.println("crashlab: no -javaagent given; attaching to this JVM instead"
                    + " (JDK 21+ warns about this; add -javaagent:<byte-buddy-agent.jar> to silence it)");
            loadedBy = "self-attach";
            return ByteBuddyAgent.install();
        }
    }

    private static Class<?> injectIntoBootstrap(Instrumentation inst) {
        Class<?> given = GivenDispatcher.find(BOOT_CLASSES, Agent.class.getClassLoader());
        if (given != null) {
            return given;
        }
        try {
            ClassFileLocator locator = ClassFileLocator.ForClassLoader.of(Agent.class.getClassLoader());
            Map<String, byte[]> types = new HashMap<>();
            for (String name : BOOT_CLASSES) {
                types.put(name, locator.locate(name).resolve());
            }
            Path jarDir = Files.createTempDirectory("crashlab-boot");
            jarDir.toFile().deleteOnExit();
            ClassInjector.UsingInstrumentation
                    .of(jarDir.toFile(), ClassInjector.UsingInstrumentation.Target.BOOTSTRAP, inst)
                    .injectRaw(types);
            Class<?> dispatch = Class.forName(DISPATCH, false, Agent.class.getClassLoader());
            if (dispatch.getClassLoader() != null) {
                throw new IllegalStateException(DISPATCH + " was loaded by " + dispatch.getClassLoader()
                        + " before the agent put it in the bootstrap loader; call Agent.install() first");
            }
            return dispatch;
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot inject the dispatcher into the bootstrap loader", e);
        }
    }
}
