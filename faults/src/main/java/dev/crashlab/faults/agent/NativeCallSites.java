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
 * Where a file-I/O method is native (FileDescriptor.sync and RandomAccessFile.setLength on JDK 17)
 * it cannot carry advice, so its call sites are rewritten instead, in every class outside the JDK
 * and crashlab that calls it. Only classes whose constant pool names such a method's class and
 * name are handed to the rewriter: scanning the bytes costs microseconds where rewriting every
 * class a test suite loads cost seconds; crashlab's own classes, which the rewriter leaves alone
 * anyway, are not even scanned, and each loaded class is retransformed on its own, so one
 * class the JVM refuses to retransform cannot keep the others from being rewritten.
 */
final class NativeCallSites implements ClassFileTransformer {

    /** Class and method names, as a class file's constant pool spells them, of the methods rewritten. */
    private final List<byte[][]> methods;
    /** Never rewritten (the rewriter ignores them too); skipped before their bytes are even read. */
    private static final String[] PLATFORM = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "net.bytebuddy."};

    private final ClassFileTransformer rewriter;

    private NativeCallSites(ClassFileTransformer rewriter, List<java.lang.reflect.Method> natives) {
        this.rewriter = rewriter;
        this.methods = natives.stream().map(m -> new byte[][] {
            m.getDeclaringClass().getName().replace('.', '/').getBytes(StandardCharsets.US_ASCII),
            m.getName().getBytes(StandardCharsets.US_ASCII)}).toList();
    }

    /** Rewrites classes as they load from now on, and the loaded ones that call one of {@code natives}. */
    static void install(Instrumentation inst, ClassFileTransformer rewriter, List<java.lang.reflect.Method> natives,
                        List<String> failures) {
        NativeCallSites sites = new NativeCallSites(rewriter, natives);
        inst.addTransformer(sites, true);
        for (Class<?> loaded : inst.getAllLoadedClasses()) {
            if (loaded.getClassLoader() == null || loaded.isArray() || loaded.isHidden() || platform(loaded.getName())
                    || CrashlabsOwn.is(loaded.getName(), loaded.getClassLoader(), loaded.getProtectionDomain())
                    || !inst.isModifiableClass(loaded) || !sites.calls(bytesOf(loaded))) {
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
        if (loader == null || name == null) {
            return null;
        }
        String binaryName = name.replace('/', '.');
        if (platform(binaryName) || CrashlabsOwn.is(binaryName, loader, domain) || !calls(bytes)) {
            return null;
        }
        return rewriter.transform(module, loader, name, redefined, domain, bytes);
    }

    boolean calls(byte[] classFile) {
        if (classFile == null) {
            return false;
        }
        for (byte[][] method : methods) {
            if (indexOf(classFile, method[0]) >= 0 && indexOf(classFile, method[1]) >= 0) {
                return true;
            }
        }
        return false;
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
