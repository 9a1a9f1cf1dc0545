package dev.crashlab.scenarios.target;

import dev.crashlab.scenarios.catalog.Claims;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.store.Codecs;
import dev.crashlab.store.Durability;
import dev.crashlab.store.InvalidEntryException;
import dev.crashlab.store.KeyCollisionException;
import dev.crashlab.store.Protocol;
import dev.crashlab.store.ReaderProtocol;
import dev.crashlab.store.WriteOnceStore;
import dev.crashlab.scenarios.workload.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reference store under one writer protocol, reader protocol and durability option. A seeded
 * bug claims what its durability option claims: that is the point of rename-no-fsync and
 * no-dir-fsync, which promise durability and do not deliver it.
 */
public final class StoreTarget implements Target {

    public Protocol protocol() {
        return protocol;
    }

    public ReaderProtocol reader() {
        return reader;
    }

    private final String id;
    private final Protocol protocol;
    private final ReaderProtocol reader;
    private final Durability durability;
    private final Function<Path, Path> tempDirectory;

    public StoreTarget(String id, Protocol protocol, ReaderProtocol reader, Durability durability,
                       Function<Path, Path> tempDirectory) {
        this.id = id;
        this.protocol = protocol;
        this.reader = reader;
        this.durability = durability;
        this.tempDirectory = tempDirectory;
    }

    /** The reference protocol under one durability option. */
    public static StoreTarget reference(Durability d) {
        return new StoreTarget("reference/" + d, Protocol.REFERENCE, ReaderProtocol.REFERENCE, d, root -> null);
    }

    /** A seeded writer bug, claiming everything FILE_AND_DIRECTORY claims. */
    public static StoreTarget seeded(Protocol p) {
        Function<Path, Path> temp = p == Protocol.TEMP_ELSEWHERE ? StoreTarget::siblingTempDirectory : root -> null;
        return new StoreTarget(p.catalogId(), p, ReaderProtocol.REFERENCE, Durability.FILE_AND_DIRECTORY, temp);
    }

    /** A seeded reader bug over the reference writer. */
    public static StoreTarget seeded(ReaderProtocol r) {
        return new StoreTarget(r.catalogId(), Protocol.REFERENCE, r, Durability.FILE_AND_DIRECTORY, root -> null);
    }

    /** The temp directory beside the root: inside the run's scope, but not the entry's directory. */
    private static Path siblingTempDirectory(Path root) {
        return root.resolve("tmp-elsewhere");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean seededBug() {
        return protocol.isSeededBug() || reader.isSeededBug();
    }

    @Override
    public String seed() {
        return protocol.isSeededBug() ? protocol.seed() : reader.seed();
    }

    public Durability durability() {
        return durability;
    }

    @Override
    public boolean claims(Guarantee g, Context context) {
        return Claims.claimedBy(durability, g, context);
    }

    WriteOnceStore<byte[]> open(Path root) throws IOException {
        return reader.on(protocol.on(WriteOnceStore.builder(root, Codecs.bytes()).durability(durability),
                tempDirectory.apply(root))).build();
    }

    @Override
    public void perform(Path root, Step step) throws Exception {
        perform(open(root), step);
    }

    /** One workload step on an open store: how every target built on the store performs a step. */
    public static void perform(WriteOnceStore<byte[]> store, Step step) throws Exception {
        if (step instanceof Step.Put p) {
            store.put(p.key(), p.value().bytes());
        } else if (step instanceof Step.PutIfAbsent p) {
            store.putIfAbsent(p.key(), p.value().bytes());
        } else if (step instanceof Step.Get g) {
            store.get(g.key());
        } else {
            store.clear();
        }
    }

    @Override
    public Observation read(Path root, String key) {
        try {
            Optional<byte[]> value = open(root).get(key);
            return value.<Observation>map(Observation.Found::new).orElse(Observation.ABSENT);
        } catch (InvalidEntryException | KeyCollisionException e) {
            return new Observation.Invalid(relative(e.getMessage(), root));
        } catch (Exception e) {
            return new Observation.Failed(relative(e.toString(), root));
        }
    }

    /** Paths in a message relative to the run's root: the root is a fresh temp directory every run. */
    private static String relative(String message, Path root) {
        String prefix = root.toAbsolutePath() + root.getFileSystem().getSeparator();
        return message == null ? null : message.replace(prefix, "");
    }

    @Override
    public String toString() {
        return id;
    }
}
