package dev.crashlab.faults.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.List;

/**
 * Where FileDescriptor.sync is native (JDK 17) it cannot carry advice, so its call sites are
 * rewritten instead, in every class outside the JDK and crashlab that calls it. Only classes whose
 * constant pool names both java/io/FileDescriptor and sync are handed to the rewriter: scanning
 * the bytes costs microseconds where rewriting every class a test suite loads cost seconds, and
 * each loaded class is retransformed on its own, so one class the JVM refuses to retransform
 * cannot keep the others from being rewritten.
 */
final class SyncCallSites implements ClassFileTransformer {

    private static final byte[] OWNER = "java/io/FileDescriptor".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NAME = "sync".getBytes(StandardCharsets.US_ASCII);
    /** Never rewritten (the rewriter ignores them too); skipped before their bytes are even read. */
    private static final String[] PLATFORM = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "net.bytebuddy."};

    private final ClassFileTransformer rewriter;

    private SyncCallSites(ClassFileTransformer rewriter) {
        this.rewriter = rewriter;
    }

    /** Rewrites classes as they load from now on, and the loaded ones that call sync. */
    static void install(Instrumentation inst, ClassFileTransformer rewriter, List<String> failures) {
        inst.addTransformer(new SyncCallSites(rewriter), true);
        for (Class<?> loaded : inst.getAllLoadedClasses()) {
            if (loaded.getClassLoader() == null || loaded.isArray() || loaded.isHidden() || platform(loaded.getName())
                    || !inst.isModifiableClass(loaded) || !callsSync(bytesOf(loaded))) {
                continue;
            }
            try {
                inst.retransformClasses(loaded);
            } catch (Throwable refused) {
                failures.add(loaded.getName() + ": " + refused);
            }
        }
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) throws IllegalClassFormatException {
        if (loader == null || name == null || platform(name.replace('/', '.')) || !callsSync(bytes)) {
            return null;
        }
        return rewriter.transform(module, loader, name, redefined, domain, bytes);
    }

    static boolean callsSync(byte[] classFile) {
        return classFile != null && indexOf(classFile, OWNER) >= 0 && indexOf(classFile, NAME) >= 0;
    }

    private static boolean platform(String name) {
        for (String prefix : PLATFORM) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytesOf(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
