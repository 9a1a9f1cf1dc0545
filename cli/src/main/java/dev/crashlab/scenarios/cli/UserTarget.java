package dev.crashlab.scenarios.cli;

import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.ProviderLoader;
import dev.crashlab.scenarios.api.TargetFailedException;
import dev.crashlab.scenarios.sequence.Sequences;
import dev.crashlab.scenarios.sequence.SequencesProvider;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --target CLASS --classpath CP}: a user's target (or sequence check) loaded from its own class path, for
 * {@code check} and {@code replay} alike. A missing class or entry is a usage error; a target that
 * cannot be checked as it is ({@link TargetFailedException}) is refused with the whole reason.
 */
final class UserTarget implements AutoCloseable {

    private final String className;
    private final ProviderLoader loader;
    private final CrashTarget target;
    private final Sequences<?, ?> sequences;

    private UserTarget(String className, ProviderLoader loader, CrashTarget target, Sequences<?, ?> sequences) {
        this.className = className;
        this.loader = loader;
        this.target = target;
        this.sequences = sequences;
    }

    static UserTarget load(CommandSpec spec, String className, String classpath) {
        ProviderLoader loader;
        try {
            loader = ProviderLoader.open(classpath == null ? "" : classpath);
        } catch (IllegalArgumentException e) {
            throw OutDir.usage(spec, "--classpath: " + e.getMessage());
        }
        try {
            if (loader.provides(className, SequencesProvider.class)) {
                return new UserTarget(className, loader, null,
                        loader.provide(className, SequencesProvider.class, SequencesProvider::sequences, "sequences()"));
            }
            return new UserTarget(className, loader, loader.target(className), null);
        } catch (IllegalArgumentException e) {
            close(loader);
            throw OutDir.usage(spec, "--target: " + e.getMessage());
        } catch (TargetFailedException e) {
            close(loader);
            throw new TargetRefused(className, e);
        }
    }

    /** The target of a {@code CrashTargetProvider}; null for a sequence check's provider. */
    CrashTarget target() {
        return target;
    }

    /** The sequence check of a {@code SequencesProvider}; null for a target's provider. */
    Sequences<?, ?> sequences() {
        return sequences;
    }

    /** Runs the check with the user's loader as the context loader: their code may look classes up there (Kafka's does). */
    <T> T run(Supplier<T> check) {
        Thread self = Thread.currentThread();
        ClassLoader saved = self.getContextClassLoader();
        self.setContextClassLoader(loader.classLoader());
        try {
            return check.get();
        } catch (TargetFailedException e) {
            // the target cannot be checked as described: its fault, not crashlab's, and not an option's
            throw new TargetRefused(className, e);
        } finally {
            self.setContextClassLoader(saved);
        }
    }

    @Override
    public void close() {
        close(loader);
    }

    private static void close(ProviderLoader loader) {
        loader.close();
    }
}
