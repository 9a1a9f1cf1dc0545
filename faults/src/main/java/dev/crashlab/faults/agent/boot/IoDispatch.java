package dev.crashlab.faults.agent.boot;

import java.io.FileDescriptor;

/**
 * The one door between advice inlined into JDK classes and the harness. It is injected into the
 * bootstrap class loader because code inlined into java.* and sun.* classes can only see bootstrap
 * classes; it therefore depends on nothing but the JDK.
 *
 * <p>With no run active {@link #hook} is null and every advised method pays one volatile read.
 */
public final class IoDispatch {

    /** The active run's interceptor, or null. */
    public static volatile Hook hook;

    private IoDispatch() {
    }

    /** What the advice calls; implemented by the harness, outside the bootstrap loader. */
    public interface Hook {
        /** Null when the call is out of scope; a {@link Skip} to replace the call's result. */
        Token enter(String method, Object self, Object[] args) throws Throwable;

        /** Called before a constructor runs (it cannot see {@code this} yet). */
        Token enterConstructor(String type, Object[] args) throws Throwable;
    }

    /** One intercepted call in flight: what to do when it returns or throws. */
    public abstract static class Token {
        /** Returns the value the call should return, or throws what it should throw. */
        public abstract Object exit(Object returned, Throwable thrown) throws Throwable;

        /** For constructors, once the object exists. */
        public void constructed(Object self) throws Throwable {
        }
    }

    /** A token that tells the advice to skip the original method; its exit supplies the result. */
    public abstract static class Skip extends Token {
    }

    /**
     * Replaces call sites of {@code FileDescriptor.sync()} in the target's classes on JDKs where
     * that method is native (17) and so cannot carry advice itself.
     */
    public static void sync(FileDescriptor fd) throws Throwable {
        around("sync()V", fd, new Object[0], fd::sync);
    }

    /**
     * Replaces call sites of {@code RandomAccessFile.setLength(long)} in the target's classes on
     * JDKs where that method is native (17): an ftruncate the trace must see.
     */
    public static void setLength(java.io.RandomAccessFile file, long newLength) throws Throwable {
        around("setLength(J)V", file, new Object[] {newLength}, () -> file.setLength(newLength));
    }

    /** The native call, as advice would wrap it: the hook decides, the call runs (or is skipped), the hook sees how it ended. */
    private static void around(String method, Object self, Object[] args, NativeCall call) throws Throwable {
        Hook h = hook;
        Token token = h == null ? null : h.enter(method, self, args);
        if (token instanceof Skip) {
            token.exit(null, null);
            return;
        }
        try {
            call.run();
        } catch (Throwable t) {
            if (token == null) {
                throw t;
            }
            token.exit(null, t);
            return;
        }
        if (token != null) {
            token.exit(null, null);
        }
    }

    /** A native method call replaced at its call site. */
    public interface NativeCall {
        void run() throws Throwable;
    }
}
