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
record Reading(Object value, Throwable error, CrashTarget.Where where) {

    /** What the reader finds under {@code root}, which is {@code where} ({@link CrashTarget#where()} says so to it). */
    static Reading of(CrashTarget target, Path root, CrashTarget.Where where) {
        try {
            return new Reading(CrashTarget.at(where, () -> target.reader().read(root)), null, where);
        } catch (Exception e) {
            return new Reading(null, new RootRelative(e, root), where);
        }
    }

    /** What the reader finds in a crash state once the target's recovery has run there, as it would after a restart. */
    static Reading afterRecovery(CrashTarget target, Path root, CrashTarget.Where where) {
        try {
            CrashTarget.at(where, () -> {
                target.recovery().run(root);
                return null;
            });
        } catch (Exception e) {
            return new Reading(null, new RootRelative(new Exception("recovery failed: " + e, e), root), where);
        }
        return of(target, root, where);
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

    /** Values longer than this print as their length, digest and start: a counterexample must stay readable. */
    static final int LONGEST_SHOWN = 100;

    /** A value as a person reads it: strings quoted, bytes as text when they are text; long ones summarised. */
    static String show(Object v) {
        if (v instanceof String s) {
            return s.length() <= LONGEST_SHOWN ? "\"" + s + "\""
                    : "\"" + head(s) + "\"... (" + s.length() + " chars, sha-256 " + digest(s.getBytes(StandardCharsets.UTF_8)) + ")";
        }
        if (v instanceof byte[] b) {
            String text = new String(b, StandardCharsets.UTF_8);
            boolean printable = text.chars().allMatch(c -> c >= 0x20 && c != 0xFFFD || c == '\n' || c == '\t');
            if (b.length > LONGEST_SHOWN) {
                return b.length + " bytes, sha-256 " + digest(b) + ", starting "
                        + (printable ? "\"" + head(text) + "\"" : Arrays.toString(Arrays.copyOf(b, 16)));
            }
            return b.length + " bytes" + (b.length == 0 ? "" : printable ? " \"" + text + "\"" : " " + Arrays.toString(b));
        }
        String shown = String.valueOf(v);
        return shown.length() <= LONGEST_SHOWN ? shown
                : head(shown) + "... (" + shown.length() + " chars, sha-256 " + digest(shown.getBytes(StandardCharsets.UTF_8)) + ")";
    }

    /**
     * Where a long value the reader found first differs from the closest allowed one, e.g.
     * " (first difference from the allowed value 2 at char 65536)"; "" for short values, where the
     * values themselves are shown.
     */
    String firstDifference(List<Object> allowed) {
        String saw = text(value);
        if (error != null || saw == null || saw.length() <= LONGEST_SHOWN) {
            return "";
        }
        int best = -1;
        int at = -1;
        for (int i = 0; i < allowed.size(); i++) {
            String a = text(allowed.get(i));
            if (a == null) {
                continue;
            }
            int common = 0;
            while (common < Math.min(a.length(), saw.length()) && a.charAt(common) == saw.charAt(common)) {
                common++;
            }
            if (common > at) {
                at = common;
                best = i + 1;
            }
        }
        return best < 0 ? "" : " (first difference from the allowed value " + best + " at "
                + (value instanceof byte[] ? "byte " : "char ") + at + ")";
    }

    private static String text(Object v) {
        return v instanceof String s ? s : v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1)
                : v == null ? null : String.valueOf(v);
    }

    private static String head(String s) {
        int end = Math.min(s.length(), 40);
        if (end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String digest(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
