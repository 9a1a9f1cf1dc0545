package dev.crashlab.faults.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One crash state written out as a directory tree; closing it deletes the tree, or for an
 * incremental materializer leaves it to become the next state (not thread-safe).
 */
public final class Materialized implements AutoCloseable {

    private final Path root;
    private final Consumer<Path> onClose;
    private final boolean kept;

    Materialized(Path root, Consumer<Path> onClose) {
        this(root, onClose, false);
    }

    /** @param kept the tree stays when closed: the next state is made from it by changing what differs */
    Materialized(Path root, Consumer<Path> onClose, boolean kept) {
        this.root = root;
        this.onClose = onClose;
        this.kept = kept;
    }

    /** The run root as the crash left it: the directory the target's paths are relative to. */
    public Path root() {
        return root;
    }

    @Override
    public void close() {
        if (kept) {
            return;
        }
        try {
            Materializer.deleteTree(root);
            if (onClose != null) {
                onClose.accept(root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove crash state " + root, e);
        }
    }
}
