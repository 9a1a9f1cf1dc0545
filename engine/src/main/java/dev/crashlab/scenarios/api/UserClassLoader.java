package dev.crashlab.scenarios.api;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The loader of a user's class path: the user's own classes and library versions first, so that
 * what is checked is the code the user ships (their Guava, their Jackson), not the versions crashlab
 * happens to run with. Only crashlab's own classes ({@code dev.crashlab.}, the API the target is
 * written against) come from crashlab first, so a target and crashlab agree on {@code CrashTarget};
 * a class crashlab does not have (a user's class in such a package, as the examples are) still comes
 * from the user's path. The JDK's classes always come from the JDK.
 */
final class UserClassLoader extends URLClassLoader {

    private static final String CRASHLAB = "dev.crashlab.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader crashlab;
    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();

    UserClassLoader(URL[] urls, ClassLoader crashlab) {
        super("crashlab-user-classpath", urls, crashlab);
        this.crashlab = crashlab;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = from(platform, name);
            }
            if (c == null && name.startsWith(CRASHLAB)) {
                c = from(crashlab, name);
            }
            if (c == null) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException notTheUsers) {
                    c = crashlab.loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private static Class<?> from(ClassLoader loader, String name) {
        try {
            return loader.loadClass(name);
        } catch (ClassNotFoundException absent) {
            return null;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(crashlab.getResources(name)));
        return Collections.enumeration(all);
    }
}
