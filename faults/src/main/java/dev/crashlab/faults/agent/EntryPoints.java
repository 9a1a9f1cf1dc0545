package dev.crashlab.faults.agent;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.io.FileDescriptor;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.MemberSubstitution;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Which JDK and Jimfs methods carry advice. Only Java-level methods: a native method has no body
 * to inline into, so where the JDK made one native (FileDescriptor.sync on 17) the call sites in
 * the target's classes are rewritten instead.
 */
final class EntryPoints {

    private final Set<String> transformed = new TreeSet<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> notRewritten = new ArrayList<>();
    private boolean syncCallSitesRewritten;

    private EntryPoints() {
    }

    static EntryPoints install(Instrumentation inst, Class<?> dispatch) {
        // Nothing here uses ByteBuddy's Nexus; initializing it costs seconds and, on JDK 23+, an Unsafe warning.
        if (System.getProperty("net.bytebuddy.nexus.disabled") == null) {
            System.setProperty("net.bytebuddy.nexus.disabled", "true");
        }
        EntryPoints points = new EntryPoints();
        points.instrumentJdk(inst, dispatch);
        List<Method> natives = nativeFileMethods();
        if (!natives.isEmpty()) {
            points.syncCallSitesRewritten = true;
            points.rewriteCallSites(inst, dispatch, natives);
        }
        synchronized (points) {
            if (!points.errors.isEmpty()) {
                throw new IllegalStateException("instrumentation failed: " + points.errors);
            }
        }
        return points;
    }

    synchronized String describe() {
        return "advised: " + transformed + "; FileDescriptor.sync: "
                + (syncCallSitesRewritten ? "native, call sites rewritten in target classes (with RandomAccessFile.setLength where native)"
                + (notRewritten.isEmpty() ? "" : " (could not rewrite: " + notRewritten + ")") : "advised");
    }

    /** Every class that carries advice: the equivalence test calls each of their methods with and without a run. */
    static List<String> advisedClasses() {
        return List.of(ADVISED);
    }

    private static final String[] ADVISED = {"sun.nio.ch.FileChannelImpl", "com.google.common.jimfs.JimfsFileChannel",
        "sun.nio.fs.UnixFileSystemProvider", "sun.nio.fs.AbstractFileSystemProvider",
        "com.google.common.jimfs.JimfsFileSystemProvider", "java.io.FileOutputStream", "java.io.RandomAccessFile",
        "com.google.common.jimfs.JimfsOutputStream", "java.io.File", "java.io.FileDescriptor",
        "java.io.ByteArrayOutputStream"};

    /** Those of {@code names} that exist here (Jimfs is optional); loading them early is harmless. */
    private static Class<?>[] loaded(String... names) {
        List<Class<?>> found = new ArrayList<>();
        for (String name : names) {
            try {
                found.add(Class.forName(name, false, EntryPoints.class.getClassLoader()));
            } catch (ClassNotFoundException absent) {
                // not on this JDK or Jimfs not on the class path: nothing to advise
            }
        }
        return found.toArray(new Class<?>[0]);
    }

    /** FileDescriptor.sync and RandomAccessFile.setLength where this JDK makes them native (17): advice cannot reach them. */
    private static List<Method> nativeFileMethods() {
        List<Method> natives = new ArrayList<>();
        try {
            for (Method m : List.of(FileDescriptor.class.getMethod("sync"),
                    java.io.RandomAccessFile.class.getMethod("setLength", long.class))) {
                if (Modifier.isNative(m.getModifiers())) {
                    natives.add(m);
                }
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        return natives;
    }

    private void instrumentJdk(Instrumentation inst, Class<?> dispatch) {
        ElementMatcher.Junction<MethodDescription> java = not(isNative()).and(not(isAbstract())).and(not(isBridge()));
        // writeChars(String) too: on 17 it reaches the file through a native method advice cannot see
        ElementMatcher.Junction<MethodDescription> writes = java.and(named("write").or(named("writeBytes"))
                .or(named("writeChars").and(takesArguments(String.class))));
        // Retransform only the advised classes already loaded: scanning every loaded class costs seconds.
        // The transformer stays installed for classes loaded later (Jimfs); a class is ignored by its
        // name first, which needs no parsing, where isSynthetic alone parsed every class loaded after
        // the install.
        AgentBuilder builder = base(inst, dispatch, errors,
                new AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Explicit(loaded(ADVISED)))
                .ignore(not(namedOneOf(ADVISED)).or(isSynthetic()));
        builder
                .type(namedOneOf("sun.nio.ch.FileChannelImpl", "com.google.common.jimfs.JimfsFileChannel"))
                .transform(advice(java.and(namedOneOf("write", "truncate", "map", "transferFrom", "transferTo")),
                        java.and(namedOneOf("force", "implCloseChannel"))))
                .type(namedOneOf("sun.nio.fs.UnixFileSystemProvider", "sun.nio.fs.AbstractFileSystemProvider",
                        "com.google.common.jimfs.JimfsFileSystemProvider"))
                .transform(advice(java.and(namedOneOf("newByteChannel", "newFileChannel", "newOutputStream",
                                "deleteIfExists", "newAsynchronousFileChannel")),
                        java.and(namedOneOf("move", "delete", "createDirectory", "createLink", "createSymbolicLink")
                                .or(named("copy").and(takesArguments(3))))))
                .type(namedOneOf("java.io.FileOutputStream", "java.io.RandomAccessFile",
                        "com.google.common.jimfs.JimfsOutputStream"))
                .transform(advice(java.and(named("getChannel")),
                        writes.or(java.and(namedOneOf("close", "setLength"))))
                        .and(constructor(takesArgument(0, java.io.File.class).and(takesArguments(2).or(takesArguments(3)))
                                .and(not(takesArgument(1, String.class).and(takesArguments(2))))
                                .or(takesArguments(1).and(takesArgument(0, FileDescriptor.class))))))
                .type(named("java.io.File"))
                // createNewFile and createTempFile: java.io creates files in native code (createFileExclusively)
                .transform(advice(java.and(namedOneOf("renameTo", "delete", "mkdir", "createNewFile", "createTempFile")),
                        none()))
                .type(named("java.io.FileDescriptor"))
                .transform(advice(none(), java.and(named("sync"))))
                .type(named("java.io.ByteArrayOutputStream"))
                .transform(advice(none(), writes.and(returns(void.class))))
                .installOn(inst);
    }

    /** Each native method's call sites call IoDispatch's method of the same name, which takes the receiver first. */
    private void rewriteCallSites(Instrumentation inst, Class<?> dispatch, List<Method> natives) {
        AgentBuilder.Identified.Extendable rewriter = base(inst, dispatch, notRewritten,
                AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.SinglePass.INSTANCE)
                .ignore(any(), isBootstrapClassLoader())
                .or(isSynthetic().or(nameStartsWith("java.")).or(nameStartsWith("javax.")).or(nameStartsWith("jdk."))
                        .or(nameStartsWith("sun.")).or(nameStartsWith("com.sun.")).or(nameStartsWith("net.bytebuddy.")))
                // Only crashlab's own code is left alone, and everything it bundles is relocated under its
                // package; any other class, a library's or the user's, may fsync and must be seen doing it.
                .or(new CrashlabsOwn())
                .type(any())
                .transform((b, type, loader, module, domain) -> b);
        for (Method method : natives) {
            MethodDescription substitute;
            try {
                Class<?>[] parameters = new Class<?>[method.getParameterCount() + 1];
                parameters[0] = method.getDeclaringClass();
                System.arraycopy(method.getParameterTypes(), 0, parameters, 1, method.getParameterCount());
                substitute = new MethodDescription.ForLoadedMethod(dispatch.getMethod(method.getName(), parameters));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("the dispatcher has no replacement for " + method, e);
            }
            rewriter = rewriter.transform((b, type, loader, module, domain) -> b.visit(MemberSubstitution.relaxed()
                    .method(named(method.getName()).and(isDeclaredBy(method.getDeclaringClass())))
                    .replaceWith(substitute)
                    .on(isMethod().or(isConstructor()))));
        }
        NativeCallSites.install(inst, rewriter.makeRaw(), natives, notRewritten);
    }

    /** Failures go to {@code failures}: fatal for the JDK's entry points, a note for call-site rewriting. */
    private AgentBuilder base(Instrumentation inst, Class<?> dispatch, List<String> failures,
                              AgentBuilder.RedefinitionStrategy.DiscoveryStrategy discovery) {
        // ignore(none()): ByteBuddy skips synthetic methods by default, and lambda bodies are synthetic
        return new AgentBuilder.Default(new net.bytebuddy.ByteBuddy().ignore(none()))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(discovery)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                // every transformer only adds visitors (advice, call-site substitution): DECORATE skips
                // the method graph REDEFINE builds for changes this agent never makes
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                // advice inlined into java.base must be able to read the bootstrap loader's unnamed module
                .assureReadEdgeTo(inst, dispatch)
                .with(new AgentBuilder.Listener.Adapter() {
                    @Override
                    public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module,
                                                 boolean loaded, DynamicType dynamicType) {
                        synchronized (EntryPoints.this) {
                            if (!syncCallSitesRewritten || type.getName().startsWith("java.")
                                    || type.getName().startsWith("sun.") || type.getName().startsWith("com.google.")) {
                                transformed.add(type.getName());
                            }
                        }
                    }

                    @Override
                    public void onError(String name, ClassLoader loader, JavaModule module, boolean loaded,
                                        Throwable error) {
                        synchronized (EntryPoints.this) {
                            failures.add(name + ": " + error);
                        }
                    }
                });
    }

    private static Advised advice(ElementMatcher<? super MethodDescription> valued,
                                  ElementMatcher<? super MethodDescription> voids) {
        return new Advised(valued, voids, none());
    }

    private static ElementMatcher.Junction<MethodDescription> constructor(
            ElementMatcher<? super MethodDescription> which) {
        return isConstructor().and(which);
    }

    private static ElementMatcher.Junction<MethodDescription> none() {
        return net.bytebuddy.matcher.ElementMatchers.none();
    }

    /** Applies the three advice shapes to one type. */
    private record Advised(ElementMatcher<? super MethodDescription> valued,
                           ElementMatcher<? super MethodDescription> voids,
                           ElementMatcher<? super MethodDescription> constructors) implements AgentBuilder.Transformer {

        Advised and(ElementMatcher<? super MethodDescription> moreConstructors) {
            return new Advised(valued, voids, moreConstructors);
        }

        private static final Advice VALUE = Advice.to(EnterAdvice.class, ValueAdvice.class);
        private static final Advice VOID = Advice.to(EnterAdvice.class, VoidAdvice.class);
        private static final Advice CONSTRUCTOR = Advice.to(ConstructorAdvice.class);

        @Override
        public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
                                                ClassLoader loader, JavaModule module,
                                                java.security.ProtectionDomain domain) {
            return builder
                    .visit(VALUE.on(isMethod().and(not(returns(void.class))).and(valued)))
                    .visit(VOID.on(isMethod().and(returns(void.class)).and(voids)))
                    .visit(CONSTRUCTOR.on(constructors));
        }
    }
}
