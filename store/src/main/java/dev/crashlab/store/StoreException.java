package dev.crashlab.store;

import java.io.IOException;
import java.nio.file.Path;

/** Base of the store's own errors. Each message says what is wrong and what to do about it. */
public class StoreException extends IOException {

    private final transient Path file;

    public StoreException(String message, Path file, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file the error is about, or null. */
    public Path file() {
        return file;
    }
}
