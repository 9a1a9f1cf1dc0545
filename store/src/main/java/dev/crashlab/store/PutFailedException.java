package dev.crashlab.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An I/O error stopped a put. The entry is left as it was before the put (absent, or the old
 * invalid file), and the temp file has been removed where it could be.
 */
public class PutFailedException extends StoreException {

    private final String step;

    public PutFailedException(String step, Path file, String key, IOException cause) {
        super("Put of key " + key + " failed at step '" + step + "' on " + file + ": " + cause
                + ". Nothing was published; the put can be retried once the cause is fixed.", file, cause);
        this.step = step;
    }

    /** The protocol step that failed, e.g. "fsync temp file". */
    public String step() {
        return step;
    }
}
