package dev.crashlab.scenarios.property;

import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.target.Observation;
import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.target.Target;
import dev.crashlab.scenarios.workload.Step;
import dev.crashlab.scenarios.workload.Value;
import dev.crashlab.store.Codec;
import dev.crashlab.store.WriteOnceStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A {@link StoreTarget} whose values go through a serializer that throws part-way on
 * {@link Generators#THROWING} (having written half of it), and is the identity on every other
 * value: the workload model's values are plain bytes, so this is how a random workload gets the
 * "serializer that throws" fault (docs/architecture.md). Entries hold exactly the bytes a plain
 * {@code Codecs.bytes()} store would, so the built-in checkers judge them unchanged. For the
 * protocols that keep their temp file beside the entry (not temp-elsewhere, which needs a temp
 * directory).
 */
final class ThrowingSerializerTarget implements Target {

    static final String FAILURE = "serializer failed part-way (on purpose)";

    /** Bytes, except that a marked value gets half-way through its serialization and then throws. */
    static final Codec<byte[]> CODEC = new Codec<>() {
        @Override
        public void encode(byte[] value, OutputStream out) throws IOException {
            if (Generators.throwsOnSerialization(new Value("v", value))) {
                out.write(value, 0, value.length / 2);
                out.flush();
                throw new IOException(FAILURE + " after " + value.length / 2 + " of " + value.length + " bytes");
            }
            out.write(value);
        }

        @Override
        public byte[] decode(byte[] bytes) {
            return bytes.clone();
        }
    };

    private final StoreTarget base;

    ThrowingSerializerTarget(StoreTarget base) {
        this.base = base;
    }

    @Override
    public String id() {
        return base.id() + "+throwing-serializer";
    }

    @Override
    public boolean seededBug() {
        return base.seededBug();
    }

    @Override
    public boolean claims(Guarantee g, Context context) {
        return base.claims(g, context);
    }

    @Override
    public void perform(Path root, Step step) throws Exception {
        WriteOnceStore<byte[]> store = base.reader().on(base.protocol().on(WriteOnceStore.builder(root, CODEC)
                .durability(base.durability()))).build();
        StoreTarget.perform(store, step);
    }

    @Override
    public Observation read(Path root, String key) {
        return base.read(root, key);
    }

    @Override
    public String toString() {
        return id();
    }
}
