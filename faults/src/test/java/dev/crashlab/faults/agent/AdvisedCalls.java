package dev.crashlab.faults.agent;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every public and protected method and constructor, every overload, of every class the agent
 * advises, as calls on a small directory ({@code f} holding "hello", {@code g} holding "world",
 * {@code d/x}, and {@code n}, which does not exist). A member whose parameters name files runs in
 * three variants (existing then missing, missing then existing, a directory then a file), and a
 * receiver in the states that change what its methods do (a channel open for writing or only for
 * reading, a File naming a file, a directory or nothing).
 */
final class AdvisedCalls {

    static final String TEXT = "a\u0142z";
    private static final String TEMP_PREFIX = "xyz";

    /** One call: which member, on which receiver, with which variant of its arguments. */
    record Call(Executable member, String receiver, int variant) {
        @Override
        public String toString() {
            return member.getDeclaringClass().getName() + "." + (member instanceof Constructor<?> ? "<init>" : member.getName())
                    + Arrays.toString(member.getParameterTypes()).replace("class ", "").replace("interface ", "")
                    + " on " + receiver + " #" + variant;
        }

        boolean onJimfs() {
            return member.getDeclaringClass().getName().startsWith("com.google.common.jimfs.");
        }
    }

    private AdvisedCalls() {
    }

    /** The calls for {@code type}, and in {@code unknown} the parameter types no argument is made for. */
    static List<Call> of(Class<?> type, List<String> unknown) {
        List<Executable> members = new ArrayList<>(Arrays.asList(type.getDeclaredConstructors()));
        members.addAll(Arrays.asList(type.getDeclaredMethods()));
        members.sort(Comparator.comparing(Executable::toString));
        List<Call> calls = new ArrayList<>();
        for (Executable member : members) {
            int modifiers = member.getModifiers();
            if (!(Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) || member.isSynthetic()
                    || member instanceof Method m && m.isBridge()) {
                continue;
            }
            if (member instanceof Constructor<?> && Modifier.isAbstract(type.getModifiers())) {
                continue; // a provider's base class: only its subclasses' constructors can run it
            }
            if (Arrays.stream(member.getParameterTypes()).anyMatch(AdvisedCalls::jimfsInternal)) {
                continue; // JimfsFileChannel's constructor: only Jimfs, holding its own file objects, can call it
            }
            for (Class<?> parameter : member.getParameterTypes()) {
                if (!known(parameter)) {
                    unknown.add(parameter.getName() + " in " + member);
                }
            }
            boolean named = Arrays.stream(member.getParameterTypes())
                    .anyMatch(p -> p == Path.class || p == File.class || p == Set.class);
            List<String> receivers = member instanceof Constructor<?> || Modifier.isStatic(modifiers)
                    ? List.of("none") : receivers(type);
            for (String receiver : receivers) {
                for (int variant = 0; variant < (named ? 3 : 1); variant++) {
                    calls.add(new Call(member, receiver, variant));
                }
            }
        }
        return calls;
    }

    private static List<String> receivers(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "FileChannelImpl", "JimfsFileChannel", "RandomAccessFile" -> List.of("read-write", "read-only");
            case "FileOutputStream", "JimfsOutputStream" -> List.of("append", "truncate");
            case "File" -> List.of("f", "d", "n");
            case "FileDescriptor" -> List.of("open", "new");
            default -> List.of("the one");
        };
    }

    /** The directory every call starts from; its times are fixed so that a changed time shows. */
    static void setUp(Path root) throws IOException {
        Files.createDirectories(root.resolve("d"));
        Files.writeString(root.resolve("f"), "hello");
        Files.writeString(root.resolve("g"), "world");
        Files.writeString(root.resolve("d/x"), "x");
        for (String name : List.of("f", "g", "d/x", "d")) {
            Files.setLastModifiedTime(root.resolve(name), FileTime.fromMillis(1_000_000_000_000L));
        }
    }

    /** Makes the call in {@code root} and says how it ended: returned or thrown, and the receiver's state after. */
    static String make(Call call, Path root) {
        Fixture fixture = new Fixture(call, root);
        try {
            Object receiver = fixture.receiver();
            Object[] args = fixture.arguments();
            String ended;
            try {
                Object returned;
                if (!call.member.trySetAccessible()) {
                    return "INACCESSIBLE";
                }
                if (call.member instanceof Constructor<?> c) {
                    returned = c.newInstance(args);
                } else {
                    returned = ((Method) call.member).invoke(receiver, args);
                }
                ended = "returned " + fixture.keep(returned);
            } catch (InvocationTargetException e) {
                ended = "threw " + describe(e.getCause());
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                ended = "could not be called: " + describe(e);
            }
            return ended + "; receiver after: " + state(receiver);
        } catch (Throwable setUpFailed) {
            return "the fixture failed: " + describe(setUpFailed);
        } finally {
            fixture.close();
        }
    }

    private static String describe(Throwable t) {
        return t.getClass().getName() + ": " + masked(String.valueOf(t.getMessage()));
    }

    /** A temp file's random digits are random by contract, with a run or without. */
    static String masked(String text) {
        return text.replaceAll(TEMP_PREFIX + "\\d+", TEMP_PREFIX + "#");
    }

    private static String state(Object receiver) {
        try {
            if (receiver instanceof FileChannel channel) {
                return channel.isOpen() ? "open at " + channel.position() + " of " + channel.size() : "closed";
            }
            if (receiver instanceof RandomAccessFile file) {
                return "pointer " + file.getFilePointer();
            }
            if (receiver instanceof ByteArrayOutputStream bytes) {
                return Arrays.toString(bytes.toByteArray());
            }
            if (receiver instanceof FileDescriptor fd) {
                return fd.valid() ? "valid" : "invalid";
            }
            return "-";
        } catch (IOException e) {
            return describe(e);
        }
    }

    private static boolean jimfsInternal(Class<?> p) {
        return p.getName().startsWith("com.google.common.jimfs.") && !Path.class.isAssignableFrom(p);
    }

    private static boolean known(Class<?> p) {
        return p.isPrimitive() || p.isArray()
                || List.of(Path.class, File.class, String.class, Set.class, Object.class, URI.class, Map.class,
                        Class.class, ByteBuffer.class, FileDescriptor.class, java.io.OutputStream.class,
                        java.io.FileFilter.class, java.io.FilenameFilter.class, java.nio.charset.Charset.class,
                        java.nio.channels.ReadableByteChannel.class, java.nio.channels.WritableByteChannel.class,
                        java.nio.file.DirectoryStream.Filter.class, java.util.concurrent.ExecutorService.class,
                        FileChannel.MapMode.class, Closeable.class).contains(p)
                || p.getName().equals("java.lang.foreign.Arena")
                // Jimfs's own types (its paths, attribute providers) and the JDK's Unix path type
                || Path.class.isAssignableFrom(p);
    }

    /** The receiver and arguments of one call, and everything they open, closed at the end. */
    private static final class Fixture {
        private final Call call;
        private final Path root;
        private final List<AutoCloseable> opened = new ArrayList<>();

        Fixture(Call call, Path root) {
            this.call = call;
            this.root = root;
        }

        Object receiver() throws Exception {
            Class<?> type = call.member.getDeclaringClass();
            if (call.member instanceof Constructor<?> || Modifier.isStatic(call.member.getModifiers())) {
                return null;
            }
            Path f = root.resolve("f");
            return switch (type.getSimpleName()) {
                case "FileChannelImpl", "JimfsFileChannel" -> open(call.receiver.equals("read-only")
                        ? FileChannel.open(f, StandardOpenOption.READ)
                        : FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE));
                case "UnixFileSystemProvider", "AbstractFileSystemProvider", "JimfsFileSystemProvider" ->
                        root.getFileSystem().provider();
                case "FileOutputStream" -> open(new FileOutputStream(f.toFile(), call.receiver.equals("append")));
                case "JimfsOutputStream" -> open(call.receiver.equals("append")
                        ? Files.newOutputStream(f, StandardOpenOption.APPEND) : Files.newOutputStream(f));
                case "RandomAccessFile" -> open(new RandomAccessFile(f.toFile(),
                        call.receiver.equals("read-only") ? "r" : "rw"));
                case "File" -> root.resolve(call.receiver).toFile();
                case "FileDescriptor" -> call.receiver.equals("new") ? new FileDescriptor()
                        : open(new RandomAccessFile(f.toFile(), "rw")).getFD();
                case "ByteArrayOutputStream" -> new ByteArrayOutputStream();
                default -> throw new IllegalStateException("no receiver for " + type.getName());
            };
        }

        Object[] arguments() throws Exception {
            Class<?>[] types = call.member.getParameterTypes();
            Object[] args = new Object[types.length];
            int paths = 0;
            int strings = 0;
            for (int i = 0; i < types.length; i++) {
                Class<?> p = types[i];
                if (p == File.class || Path.class.isAssignableFrom(p)) {
                    Path path = path(paths++);
                    args[i] = p == File.class ? path.toFile() : path;
                } else if (p == String.class) {
                    args[i] = string(strings++);
                } else {
                    args[i] = other(p);
                }
            }
            return args;
        }

        /** The i-th path a member is given: an existing file then a missing one, the reverse, or a directory then a file. */
        private Path path(int i) {
            String[][] orders = {{"f", "n"}, {"n", "f"}, {"d", "g"}};
            return root.resolve(orders[call.variant][Math.min(i, 1)]);
        }

        private String string(int i) {
            String member = call.member.getName();
            String type = call.member.getDeclaringClass().getSimpleName();
            boolean constructor = call.member instanceof Constructor<?>;
            int count = (int) Arrays.stream(call.member.getParameterTypes()).filter(p -> p == String.class).count();
            boolean afterFile = call.member.getParameterTypes()[0] == File.class;
            if (constructor && type.equals("RandomAccessFile")) {
                return afterFile || i == 1 ? "rw" : path(0).toString();
            }
            if (constructor && type.equals("File")) {
                return afterFile || i == 1 ? path(0).getFileName().toString()
                        : count == 2 ? root.toString() : path(0).toString();
            }
            if (constructor || member.equals("open")) {
                return path(0).toString();
            }
            return switch (member) {
                case "createTempFile" -> i == 0 ? TEMP_PREFIX : ".t";
                case "readAttributes" -> "size,lastModifiedTime";
                case "getFileAttributeView" -> "basic";
                case "setAttribute" -> "lastModifiedTime";
                case "toString" -> "UTF-8";
                default -> TEXT;
            };
        }

        private Object other(Class<?> p) throws Exception {
            if (p == int.class) {
                return 1;
            }
            if (p == long.class) {
                return 2L;
            }
            if (p == boolean.class) {
                return true;
            }
            if (p == float.class) {
                return 1.5f;
            }
            if (p == double.class) {
                return -2.25;
            }
            if (p == byte[].class) {
                return new byte[] {'X', 'Y', 'Z'};
            }
            if (p == ByteBuffer.class) {
                return ByteBuffer.wrap(new byte[] {'X', 'Y', 'Z'});
            }
            if (p == ByteBuffer[].class) {
                return new ByteBuffer[] {ByteBuffer.wrap(new byte[] {'A'}), ByteBuffer.wrap(new byte[] {'B', 'C'})};
            }
            if (p.isArray()) {
                return java.lang.reflect.Array.newInstance(p.getComponentType(), 0);
            }
            if (p == Set.class) {
                return switch (call.variant) {
                    case 0 -> Set.<OpenOption>of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    case 1 -> Set.<OpenOption>of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.DELETE_ON_CLOSE);
                    default -> Set.<OpenOption>of(StandardOpenOption.READ);
                };
            }
            if (p == Object.class) {
                return call.member.getName().equals("setAttribute") ? FileTime.fromMillis(2_000)
                        : call.member.getName().equals("equals") ? root.resolve("f").toFile() : null;
            }
            if (p == URI.class) {
                return path(0).toUri();
            }
            if (p == Map.class) {
                return Map.of();
            }
            if (p == Class.class) {
                return call.member.getName().equals("getFileAttributeView") ? BasicFileAttributeView.class
                        : BasicFileAttributes.class;
            }
            if (p == FileDescriptor.class) {
                return open(new RandomAccessFile(root.resolve("f").toFile(), "rw")).getFD();
            }
            if (p == java.io.OutputStream.class) {
                return new ByteArrayOutputStream();
            }
            if (p == java.io.FileFilter.class) {
                return (java.io.FileFilter) file -> true;
            }
            if (p == java.io.FilenameFilter.class) {
                return (java.io.FilenameFilter) (dir, name) -> true;
            }
            if (p == java.nio.file.DirectoryStream.Filter.class) {
                return (java.nio.file.DirectoryStream.Filter<Path>) entry -> true;
            }
            if (p == java.nio.charset.Charset.class) {
                return StandardCharsets.UTF_8;
            }
            if (p == java.nio.channels.ReadableByteChannel.class) {
                return open(FileChannel.open(root.resolve("g"), StandardOpenOption.READ));
            }
            if (p == java.nio.channels.WritableByteChannel.class) {
                return open(FileChannel.open(root.resolve("g"), StandardOpenOption.WRITE));
            }
            if (p == FileChannel.MapMode.class) {
                return FileChannel.MapMode.READ_WRITE;
            }
            if (p.getName().equals("java.lang.foreign.Arena")) {
                return p.getMethod("ofAuto").invoke(null);
            }
            return null; // an ExecutorService (the default pool) or a Closeable parent (none)
        }

        private <T extends AutoCloseable> T open(T resource) {
            opened.add(resource);
            return resource;
        }

        /** Describes what a call returned, and keeps it to close if it is open. */
        String keep(Object returned) {
            if (returned instanceof AutoCloseable resource) {
                opened.add(resource);
            }
            if (returned instanceof File file && file.getName().startsWith(TEMP_PREFIX) && !file.toPath().startsWith(root)) {
                file.delete(); // File.createTempFile(prefix, suffix) writes to java.io.tmpdir
            }
            if (call.member.getName().endsWith("Space") && returned instanceof Long bytes) {
                return bytes > 0 ? "some bytes" : String.valueOf(bytes); // the machine's free space moves on its own
            }
            if (returned == null || returned instanceof Number || returned instanceof Boolean
                    || returned instanceof String || returned instanceof Character || returned instanceof Path
                    || returned instanceof File || returned instanceof URI || returned instanceof java.net.URL
                    || returned instanceof Map<?, ?> || returned instanceof Enum<?>) {
                return masked(String.valueOf(returned));
            }
            if (returned instanceof byte[] bytes) {
                return Arrays.toString(bytes);
            }
            if (returned instanceof Object[] array) {
                String[] each = Arrays.stream(array).map(String::valueOf).sorted().toArray(String[]::new);
                return masked(Arrays.toString(each));
            }
            return "a " + returned.getClass().getName().replaceAll("\\$\\$Lambda.*", "$$Lambda");
        }

        void close() {
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (Exception ignored) {
                    // closing what a failed call left open: its failure is the call's, already described
                }
            }
        }
    }

    /** The file system of a Jimfs call's root: one per test. */
    static Path jimfsRoot(FileSystem jimfs, String name) {
        return jimfs.getPath("/" + name);
    }
}
