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
import java.util.Set;
import java.util.stream.Collectors;

/** The built-in codecs: raw bytes, UTF-8 strings, and allow-listed Java serialization. */
public final class Codecs {

    private Codecs() {
    }

    /** The value is the bytes themselves. */
    public static Codec<byte[]> bytes() {
        return new Codec<>() {
            @Override
            public void encode(byte[] value, OutputStream out) throws IOException {
                out.write(value);
            }

            /** The store hands over an array of its own (cut from the entry it read), so no copy. */
            @Override
            public byte[] decode(byte[] bytes) {
                return bytes;
            }
        };
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
     * classes listed (and arrays of them, primitives, boxed primitives and String). A stream naming
     * any other class is refused before that class is initialized or instantiated: deserializing
     * arbitrary classes from a file is how a cache becomes a remote-code-execution hole.
     */
    public static <V extends Serializable> Codec<V> serializable(Class<V> type, Class<?>... alsoAllowed) {
        return new SerializableCodec<>(type, alsoAllowed);
    }

    private static final class SerializableCodec<V> implements Codec<V> {
        private static final Set<Class<?>> ALWAYS = Set.of(String.class, Boolean.class, Character.class,
                Byte.class, Short.class, Integer.class, Long.class, Float.class, Double.class, Number.class);

        private final Class<V> type;
        private final Set<Class<?>> allowed;

        SerializableCodec(Class<V> type, Class<?>... alsoAllowed) {
            this.type = type;
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
                in.setObjectInputFilter(info -> admit(info, refused));
                Object o = in.readObject();
                if (!type.isInstance(o)) {
                    throw new IOException("value is a " + o.getClass().getName() + ", expected " + type.getName());
                }
                return type.cast(o);
            } catch (InvalidClassException e) {
                throw new IOException("value holds an instance of " + refused[0]
                        + ", which the codec's allow-list refuses; allowed: " + names() + ". If that class is trusted, add it to Codecs.serializable(...)", e);
            } catch (ClassNotFoundException e) {
                throw new IOException("value names a class that is not on the classpath: " + e.getMessage(), e);
            }
        }

        private ObjectInputFilter.Status admit(ObjectInputFilter.FilterInfo info, String[] refused) {
            Class<?> c = info.serialClass();
            if (c == null) {
                return info.depth() > 100 ? ObjectInputFilter.Status.REJECTED : ObjectInputFilter.Status.UNDECIDED;
            }
            boolean array = c.isArray();
            while (c.isArray()) {
                c = c.getComponentType();
            }
            // Object[] is a collection's backing array; each element still passes this filter on its own.
            boolean ok = c.isPrimitive() || ALWAYS.contains(c) || allowed.contains(c) || array && c == Object.class;
            if (!ok) {
                refused[0] = info.serialClass().getName();
            }
            return ok ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
        }

        private String names() {
            return allowed.stream().map(Class::getName).sorted().collect(Collectors.joining(", "));
        }
    }
}
