package dev.crashlab.store;

import java.io.IOException;
import java.util.List;

/** The file operations that make one entry visible. One implementation per protocol family. */
interface Publisher {

    /** Publishes the entry of {@code put}, replacing an invalid file at its place if there is one. */
    void publish(Put<?> put) throws IOException;

    /** Publishes several entries; protocols that can share barriers (group commit) override this. */
    default void publishAll(List<Put<?>> puts) throws IOException {
        for (Put<?> put : puts) {
            publish(put);
        }
    }

    /** False for protocols built to overwrite (seed 001), which never look before they publish. */
    default boolean checksExisting() {
        return true;
    }

    /**
     * Whether a put may serialize and check its value before this protocol starts: false for the
     * seeded bugs whose failure needs the serializer to run mid-protocol (into the final file, or
     * while holding a lock).
     */
    default boolean checksValueFirst() {
        return true;
    }

    /**
     * Whether the publish itself refuses to replace anything at the entry's name (a hard link does),
     * so that a put of a new key may look first with a call that cannot see a dangling link: the
     * link would find it in its way, and the put would then look again, fully.
     */
    default boolean refusesToReplace() {
        return false;
    }

    /** False where an invalid entry blocks every later put (seed 000's store could not repair one). */
    default boolean replacesInvalid() {
        return true;
    }
}
