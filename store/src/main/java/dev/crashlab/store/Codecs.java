package dev.crashlab.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The built-in codecs: raw bytes, UTF-8 strings, and allow-listed Java serialization. */
public final class Codecs {

    private Codecs() {
    }

    /** The value is the bytes themselves. */
    public static Codec<byte[]> bytes() {
        return new Bytes();
    }

    /**
     * A codec whose decoder takes any bytes and cannot fail: a put need not decode what it is about
     * to publish to learn that this store can read it back.
     */
    interface ReadsAnyBytes {
    }

    private static final class Bytes implements Codec<byte[]>, ReadsAnyBytes {
        @Override
        public void encode(byte[] value, OutputStream out) throws IOException {
            out.write(value);
        }

        /** The store hands over an array of its own (the value is read straight into it), so no copy. */
        @Override
        public byte[] decode(byte[] bytes) {
            return bytes;
        }
    }

    /** Strings as UTF-8; malformed input is refused both ways rather than replaced with '?'. */
    public static Codec<String> utf8() {
        return new Codec<>() {
            @Override
            public void encode(String value, OutputStream out) throws IOException {
                out.write(Keys.strictUtf8(value, "value"));
            }

            @Override
            public String decode(byte[] bytes) throws IOException {
                try {
                    return StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes)).toString();
                } catch (CharacterCodingException e) {
                    throw new IOException("value is not valid UTF-8: " + e.getMessage(), e);
                }
            }
        };
    }

    /**
     * Java serialization, read back through an {@link ObjectInputFilter} that admits only the
     * classes listed (and arrays of them, primitives, boxed primitives and String), within the
     * {@link Limits#DEFAULT default limits}. A stream naming any other class is refused before that
     * class is initialized or instantiated: deserializing arbitrary classes from a file is how a
     * cache becomes a remote-code-execution hole.
     */
    public static <V extends Serializable> Codec<V> serializable(Class<V> type, Class<?>... alsoAllowed) {
        return new SerializableCodec<>(type, Limits.DEFAULT, alsoAllowed);
    }

    /** As {@link #serializable(Class, Class[])}, within {@code limits}. */
    public static <V extends Serializable> Codec<V> serializable(Class<V> type, Limits limits, Class<?>... alsoAllowed) {
        return new SerializableCodec<>(type, Objects.requireNonNull(limits, "limits"), alsoAllowed);
    }

    /**
     * What a serialized value may hold, so that reading an entry is bounded whatever the file says.
     * Each limit is checked by the filter as the stream is read, before the JDK allocates or
     * recurses. An array is also refused when it claims more elements than the value has bytes (every
     * element takes at least one), so a 53-byte entry cannot ask for a 2 GiB array.
     *
     * @param maxArrayLength elements in any one array
     * @param maxReferences  objects and back-references in the whole value
     * @param maxBytes       bytes of the serialized stream
     * @param maxDepth       nesting of objects; the default is low because reading nested hash
     *                       sets costs 2^depth (a 2 KB value of 100 nested sets never finishes)
     */
    public record Limits(long maxArrayLength, long maxReferences, long maxBytes, long maxDepth) {

        /** 10 million elements, 1 million references, 256 MiB, depth 24. */
        public static final Limits DEFAULT = new Limits(10_000_000, 1_000_000, 256L << 20, 24);

        public Limits {
            if (maxArrayLength < 1 || maxReferences < 1 || maxBytes < 1 || maxDepth < 1) {
                throw new IllegalArgumentException("every serialization limit must be at least 1: " + this);
            }
        }

        public Limits withMaxArrayLength(long n) {
            return new Limits(n, maxReferences, maxBytes, maxDepth);
        }

        public Limits withMaxReferences(long n) {
            return new Limits(maxArrayLength, n, maxBytes, maxDepth);
        }

        public Limits withMaxBytes(long n) {
            return new Limits(maxArrayLength, maxReferences, n, maxDepth);
        }

        public Limits withMaxDepth(long n) {
            return new Limits(maxArrayLength, maxReferences, maxBytes, n);
        }
    }

    private static final class SerializableCodec<V> implements Codec<V> {
        // Map.Entry: HashSet and HashMap check their table against Map.Entry[] before reading; an
        // interface, so admitting it instantiates nothing.
        private static final Set<Class<?>> ALWAYS = Set.of(String.class, Boolean.class, Character.class,
                Byte.class, Short.class, Integer.class, Long.class, Float.class, Double.class, Number.class,
                Map.Entry.class);

        private final Class<V> type;
        private final Set<Class<?>> allowed;
        private final Limits limits;

        SerializableCodec(Class<V> type, Limits limits, Class<?>... alsoAllowed) {
            this.type = type;
            this.limits = limits;
            this.allowed = Set.copyOf(concat(type, alsoAllowed));
        }

        private static Set<Class<?>> concat(Class<?> type, Class<?>[] more) {
            Set<Class<?>> all = new java.util.HashSet<>(Arrays.asList(more));
            all.add(type);
            return all;
        }

        @Override
        public void encode(V value, OutputStream out) throws IOException {
            ObjectOutputStream oos = new ObjectOutputStream(out);
            oos.writeObject(value);
            oos.flush();
        }

        @Override
        public V decode(byte[] bytes) throws IOException {
            String[] refused = new String[1];
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                in.setObjectInputFilter(info -> admit(info, bytes.length, refused));
                Object o = in.readObject();
                if (!type.isInstance(o)) {
                    throw new IOException("value is a " + o.getClass().getName() + ", expected " + type.getName());
                }
                return type.cast(o);
            } catch (InvalidClassException e) {
                if (refused[0] == null) {
                    throw new IOException("value cannot be deserialized: " + e.getMessage(), e);
                }
                throw new IOException("value " + refused[0], e);
            } catch (ClassNotFoundException e) {
                throw new IOException("value names a class that is not on the classpath: " + e.getMessage(), e);
            }
        }

        private ObjectInputFilter.Status admit(ObjectInputFilter.FilterInfo info, long total, String[] refused) {
            String over = overLimit(info, total);
            if (over != null) {
                refused[0] = over + ": a hostile or damaged entry, or a value deeper or bigger than this codec reads"
                        + " (raise the limit with Codecs.serializable(type, Codecs.Limits.DEFAULT.with...) if it is trusted)";
                return ObjectInputFilter.Status.REJECTED;
            }
            Class<?> c = info.serialClass();
            if (c == null) {
                return ObjectInputFilter.Status.UNDECIDED;
            }
            boolean array = c.isArray();
            while (c.isArray()) {
                c = c.getComponentType();
            }
            // Object[] is a collection's backing array; each element still passes this filter on its own.
            boolean ok = c.isPrimitive() || ALWAYS.contains(c) || allowed.contains(c) || array && c == Object.class;
            if (!ok) {
                refused[0] = "holds an instance of " + info.serialClass().getName()
                        + ", which the codec's allow-list refuses; allowed: " + names()
                        + ". If that class is trusted, add it to Codecs.serializable(...)";
            }
            return ok ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
        }

        private String overLimit(ObjectInputFilter.FilterInfo info, long total) {
            if (info.depth() > limits.maxDepth()) {
                return "exceeds the codec's depth limit (maxDepth " + limits.maxDepth() + ")";
            }
            if (info.references() > limits.maxReferences()) {
                return "exceeds the codec's reference limit (maxReferences " + limits.maxReferences() + ")";
            }
            if (info.streamBytes() > limits.maxBytes()) {
                return "exceeds the codec's size limit (maxBytes " + limits.maxBytes() + ")";
            }
            if (info.arrayLength() > limits.maxArrayLength()) {
                return "holds an array of " + info.arrayLength() + " elements, over the codec's array limit (maxArrayLength "
                        + limits.maxArrayLength() + ")";
            }
            if (info.arrayLength() > total) {
                return "claims an array of " + info.arrayLength() + " elements in a value of " + total + " bytes";
            }
            return null;
        }

        private String names() {
            return allowed.stream().map(Class::getName).sorted().collect(Collectors.joining(", "));
        }
    }
}
