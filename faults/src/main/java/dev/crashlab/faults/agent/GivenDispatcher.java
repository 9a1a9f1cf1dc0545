package dev.crashlab.faults.agent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The dispatcher when the JVM was started with it on the bootstrap class path
 * ({@code -Xbootclasspath/a}, as the launcher does for its short runs): appending it at run time
 * instead turns class-data sharing off for every class loaded after, the agent's own included.
 * It is used only if it is byte for byte this crashlab's: advice calls it by signature, and
 * another version's would fail inside the JDK's I/O methods, in the middle of a user's run.
 */
final class GivenDispatcher {

    private GivenDispatcher() {
    }

    /** The bootstrap loader's dispatcher class, or null when the JVM was not given one. */
    static Class<?> find(List<String> bootClasses, ClassLoader ours) {
        Class<?> dispatch;
        try {
            dispatch = Class.forName(bootClasses.get(0), false, null);
        } catch (ClassNotFoundException notGiven) {
            return null;
        }
        for (String name : bootClasses) {
            requireThisCrashlabs(name, ours);
        }
        return dispatch;
    }

    /** Every copy of the class that the loaders see, the bootstrap path's first, has the same bytes. */
    private static void requireThisCrashlabs(String name, ClassLoader ours) {
        String path = name.replace('.', '/') + ".class";
        String refused = "the bootstrap class path (-Xbootclasspath/a) holds " + name
                + ", but not this crashlab's: give the boot jar extracted from the same crashlab jar, or no"
                + " -Xbootclasspath/a (the agent then adds its own)";
        try {
            Class.forName(name, false, null);
            byte[] first = null;
            for (URL url : Collections.list(ours.getResources(path))) {
                byte[] bytes;
                try (InputStream in = url.openStream()) {
                    bytes = in.readAllBytes();
                }
                if (first == null) {
                    first = bytes;
                } else if (!Arrays.equals(first, bytes)) {
                    throw new IllegalStateException(refused + " (" + url + " differs)");
                }
            }
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException(refused + " (it is missing there)", missing);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path + " to compare it with the bootstrap path's: " + e, e);
        }
    }
}
