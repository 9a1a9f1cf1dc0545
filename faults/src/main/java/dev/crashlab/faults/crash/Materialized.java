package dev.crashlab.faults.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** One crash state written out as a directory tree; closing it deletes the tree (not thread-safe). */
public final class Materialized implements AutoCloseable {

    private final Path root;
    private final Consumer<Path> onClose;

    Materialized(Path root, Consumer<Path> onClose) {
        this.root = root;
        this.onClose = onClose;
    }

    /** The run root as the crash left it: the directory the target's paths are relative to. */
    public Path root() {
        return root;
    }

    @Override
    public void close() {
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
