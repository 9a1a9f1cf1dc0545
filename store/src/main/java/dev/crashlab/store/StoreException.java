package dev.crashlab.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Base of the store's own errors. Each message says what is wrong and what to do about it, and is
 * escaped (see {@link Text}): a root path or a cause may carry characters no log should print raw.
 */
public class StoreException extends IOException {

    private final transient Path file;

    public StoreException(String message, Path file, Throwable cause) {
        super(Text.escape(message), cause);
        this.file = file;
    }

    /** The file the error is about, or null. */
    public Path file() {
        return file;
    }
}
