package dev.crashlab.scenarios.api;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a {@link CrashTargetProvider} by class name from a class path of the user's jars and class
 * directories, as {@code crashlab check --target CLASS --classpath CP} does, in a loader of its own
 * that prefers the user's classes and library versions to crashlab's ({@link UserClassLoader}). Every way the name or
 * the path can be wrong is an IllegalArgumentException with a one-line message saying what to fix; a
 * provider whose {@code target()} fails (a builder that refuses the description) is a
 * {@link TargetFailedException}: the target is wrong, not the name or the path.
 * Keep it open while the target is checked: its classes load lazily.
 */
public final class ProviderLoader implements AutoCloseable {

    private final URLClassLoader loader;
    private final List<Path> entries;

    private ProviderLoader(URLClassLoader loader, List<Path> entries) {
        this.loader = loader;
        this.entries = entries;
    }

    /** The class path, as a child JVM takes it. */
    private String classpath() {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    /** @param classpath entries separated by the platform's path separator (':'); empty for crashlab's own */
    public static ProviderLoader open(String classpath) {
        List<Path> entries = new ArrayList<>();
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry).toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("class path entry " + entry + " does not exist");
            }
            if (!Files.isReadable(p)) {
                throw new IllegalArgumentException("class path entry " + entry + " is not readable");
            }
            entries.add(p);
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("class path entry " + entry + " is not a usable path: " + e.getMessage());
            }
        }
        return new ProviderLoader(new UserClassLoader(urls.toArray(new URL[0]), ProviderLoader.class.getClassLoader()),
                List.copyOf(entries));
    }

    /** The loader of the user's classes: make it the thread's context loader while the target runs. */
    public ClassLoader classLoader() {
        return loader;
    }

    public CrashTarget target(String className) {
        CrashTarget target = provide(className, CrashTargetProvider.class, CrashTargetProvider::target, "target()");
        target.loadedFrom(className, classpath());
        return target;
    }

    /**
     * The provider's {@link CrashTargetProvider#variants()}, as {@code crashlab bench --target} prices
     * them: at least one, none null, no two of one name (the table's rows are named by them).
     */
    public List<CrashTarget> variants(String className) {
        List<CrashTarget> variants = provide(className, CrashTargetProvider.class, CrashTargetProvider::variants,
                "variants()");
        if (variants.isEmpty() || variants.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException(className + ".variants() returned "
                    + (variants.isEmpty() ? "no variant" : "a null variant") + "; return one target per durability option");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (CrashTarget v : variants) {
            if (!names.add(v.name())) {
                throw new TargetFailedException("its variants are told apart by name, and two are named '" + v.name()
                        + "': give each durability option a name of its own, e.g. CrashTarget.builder(\"log/fsync-per-record\")", null);
            }
        }
        return List.copyOf(variants);
    }

    /** Whether the class implements {@code kind} (e.g. a sequence check's provider rather than a target's). */
    public boolean provides(String className, Class<?> kind) {
        return kind.isAssignableFrom(load(className));
    }

    /**
     * A provider of any kind, instantiated and asked as {@link #target(String)} asks a
     * {@link CrashTargetProvider}, with the same errors.
     *
     * @param what the method asked, as an error names it, e.g. "target()"
     */
    public <P, R> R provide(String className, Class<P> kind, java.util.function.Function<P, R> ask, String what) {
        Class<?> type = load(className);
        if (!kind.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " does not implement " + kind.getName());
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
            throw new IllegalArgumentException(className + " must be a public, non-abstract class");
        }
        P provider;
        try {
            Constructor<?> make = type.getConstructor();
            provider = kind.cast(make.newInstance());
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(className + " has no public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(className + "'s constructor failed: " + e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException("cannot instantiate " + className + ": " + e
                    + "; is everything it needs on the class path?");
        }
        R described;
        try {
            described = ask.apply(provider);
        } catch (IllegalArgumentException e) {
            // the builder refused the description: the user's target is wrong, not the command line
            throw new TargetFailedException("its target was refused: " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            throw new TargetFailedException("its " + what + " failed: " + e, e);
        }
        if (described == null) {
            throw new IllegalArgumentException(className + "." + what + " returned null");
        }
        return described;
    }

    private Class<?> load(String className) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no class " + className + " on the class path "
                    + (entries.isEmpty() ? "(crashlab's own; none was given)" : entries.toString())
                    + "; give its binary name, package included, and the jar or directory that holds it");
        } catch (LinkageError e) {
            throw new IllegalArgumentException(className + " cannot be loaded: " + e
                    + "; add what it needs to the class path");
        }
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
