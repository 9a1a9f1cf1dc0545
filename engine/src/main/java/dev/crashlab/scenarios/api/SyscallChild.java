package dev.crashlab.scenarios.api;

import java.nio.file.Path;

/**
 * The child JVM of the system-call recording: loads the target again from its provider class and
 * runs its writer once, with nothing of crashlab's in the way (no agent, no run), so that what the
 * tracer sees is the writer's own system calls. Exit 0 when the writer returned, 1 when it threw.
 *
 * <p>Usage: {@code SyscallChild PROVIDER_CLASS USER_CLASSPATH ROOT}.
 */
public final class SyscallChild {

    private SyscallChild() {
    }

    public static void main(String[] args) {
        try (ProviderLoader loader = ProviderLoader.open(args[1])) {
            CrashTarget target = loader.target(args[0]);
            Thread.currentThread().setContextClassLoader(loader.classLoader());
            target.writer().run(Path.of(args[2]));
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0); // a writer's non-daemon threads must not keep the recording waiting
    }
}
