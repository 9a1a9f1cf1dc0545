package dev.crashlab.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An I/O error stopped a put at a named step. The message says what is true afterwards: whether the
 * entry was published (readers see it) and, if so, whether it is durable yet; for a putAll, which of
 * its keys are visible. Whatever was stored before the put is untouched, and a temp file is removed
 * where it could be (removeAbandonedTempFiles removes the rest).
 */
public class PutFailedException extends StoreException {

    private final String step;
    private final boolean published;

    /** A failure before anything was published. */
    public PutFailedException(String step, Path file, String key, IOException cause) {
        this(step, file, key, cause, "Nothing was published; the put can be retried once the cause is fixed.", false);
    }

    PutFailedException(String step, Path file, Put<?> put, IOException cause) {
        this(step, file, put.describeKey(), cause, outcome(put), put.published || put.alreadyStored);
    }

    private PutFailedException(String step, Path file, String key, IOException cause, String outcome, boolean published) {
        super("Put of key " + key + " failed at step '" + step + "' on " + file + ": " + cause + ". "
                + (cause instanceof StoreException ? "" : Failures.advice(cause) + " ") + outcome, file, cause);
        this.step = step;
        this.published = published;
    }

    /** The protocol step that failed, e.g. "fsync temp file". */
    public String step() {
        return step;
    }

    /** Whether the put's entry (for a putAll: any of its entries) is visible to readers despite the failure. */
    public boolean published() {
        return published;
    }

    private static String outcome(Put<?> put) {
        List<Put<?>> batch = put.batch == null ? List.of(put) : put.batch;
        List<Put<?>> visible = batch.stream().filter(p -> p.published || p.alreadyStored).toList();
        if (visible.isEmpty()) {
            return "Nothing was published; the put can be retried once the cause is fixed.";
        }
        String durable = put.durability == Durability.FILE_AND_DIRECTORY
                ? ", but it is not yet durable: the directory fsync did not complete, so a power failure may still lose"
                + " it (a put of the same value is a no-op and does not change that; once the cause is fixed, the next"
                + " put of any key fsyncs the directory)."
                : ".";
        if (batch.size() == 1) {
            return "The entry was published: readers see the value" + durable;
        }
        String shown = visible.stream().map(Put::describeKey).collect(Collectors.joining(", "));
        String missing = batch.stream().filter(p -> !p.published && !p.alreadyStored).map(Put::describeKey)
                .collect(Collectors.joining(", "));
        return "Visible now: " + shown + "." + (missing.isEmpty() ? "" : " Not published: " + missing + ".")
                + " The visible ones were published" + durable + " The others can be put again once the cause is fixed.";
    }
}
