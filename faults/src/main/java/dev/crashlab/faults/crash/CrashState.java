package dev.crashlab.faults.crash;

import dev.crashlab.faults.trace.Snapshot;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a power failure or process crash left on disk, and how: the first way the exploration
 * reached these exact bytes. The bytes are kept as the replay's extents of the trace's arrays and
 * built only when asked for; a state is materialized straight from its extents.
 */
public final class CrashState {

    private final Tree tree;
    private final Provenance provenance;

    CrashState(Tree tree, Provenance provenance) {
        this.tree = Objects.requireNonNull(tree, "tree");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
    }

    /** The files and directories under the run root, built anew on each call. */
    public Snapshot contents() {
        return tree.toSnapshot();
    }

    public Provenance provenance() {
        return provenance;
    }

    /** How many bytes the state's files hold together, counted without building them. */
    public long size() {
        return tree.files().values().stream().mapToLong(Extents::size).sum();
    }

    /**
     * A digest of the bytes of the file at {@code path} ('/'-separated, relative to the run root),
     * or null when the state holds no regular file there. Equal bytes give equal digests in every
     * state of every trace, so a judge may recognize a file it has read before without reading it.
     */
    public String fileDigest(String path) {
        byte[] digest = tree.fileDigests().get(path);
        return digest == null ? null : tree.files().get(path).size() + ":" + HexFormat.of().formatHex(digest);
    }

    Tree tree() {
        return tree;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CrashState s && s.provenance.equals(provenance) && s.contents().equals(contents());
    }

    @Override
    public int hashCode() {
        return Objects.hash(contents(), provenance);
    }

    @Override
    public String toString() {
        return provenance.summary() + "\n" + contents();
    }
}
