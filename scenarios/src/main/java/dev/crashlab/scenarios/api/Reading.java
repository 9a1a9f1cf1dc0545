package dev.crashlab.scenarios.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the target's reader found once: a value, or the error it threw. An error is never an
 * allowed finding: a reader that throws on a torn file tells its caller nothing it can use.
 */
record Reading(Object value, Throwable error) {

    static Reading of(CrashTarget target, Path root) {
        try {
            return new Reading(target.reader().read(root), null);
        } catch (Exception e) {
            return new Reading(null, new RootRelative(e, root));
        }
    }

    /**
     * The reader's error with the run's temporary root shown as {@code <root>}: the file name is
     * what a person needs, and the random directory would make each run's message differ.
     */
    static final class RootRelative extends Exception {
        RootRelative(Exception e, Path root) {
            super(e.getClass().getName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage().replace(root.toString(), "<root>")), e);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    /** Whether this reading is one of {@code allowed}; byte arrays compare by content. */
    boolean isOneOf(List<Object> allowed) {
        return error == null && allowed.stream().anyMatch(a -> Objects.deepEquals(a, value));
    }

    @Override
    public String toString() {
        return error != null ? "an error: " + error : show(value);
    }

    /** A value as a person reads it: strings quoted, bytes as text when they are text. */
    static String show(Object v) {
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        if (v instanceof byte[] b) {
            String text = new String(b, StandardCharsets.UTF_8);
            boolean printable = text.chars().allMatch(c -> c >= 0x20 && c != 0xFFFD || c == '\n' || c == '\t');
            return b.length + " bytes" + (b.length == 0 ? "" : printable ? " \"" + text + "\"" : " " + Arrays.toString(b));
        }
        return String.valueOf(v);
    }
}
