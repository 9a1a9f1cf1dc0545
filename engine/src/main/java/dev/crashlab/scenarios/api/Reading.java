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
        return error != null ? "an error: " + escaped(String.valueOf(error)) : show(value);
    }

    /**
     * As {@link #toString()}, with the value's types where its text alone would not tell it from one of
     * {@code others} it is not equal to (a Long written, an Integer declared: both print 100).
     */
    String shownAgainst(List<?> others) {
        return error != null ? toString() : show(value, others);
    }

    /** Values longer than this print as their length, digest and start: a counterexample must stay readable. */
    static final int LONGEST_SHOWN = 100;

    /**
     * A value as a person reads it: strings quoted, bytes as text when they are text; long ones
     * summarised; control characters as escapes (see {@link #escaped}), so that a value always prints on
     * the one line of its finding, and a newline in it shows as one.
     */
    static String show(Object v) {
        if (v instanceof String s) {
            return s.length() <= LONGEST_SHOWN ? "\"" + escaped(s) + "\""
                    : "\"" + escaped(head(s)) + "\"... (" + s.length() + " chars, sha-256 " + digest(s.getBytes(StandardCharsets.UTF_8)) + ")";
        }
        if (v instanceof byte[] b) {
            String text = new String(b, StandardCharsets.UTF_8);
            boolean printable = text.chars().allMatch(c -> c >= 0x20 && c != 0xFFFD || c == '\n' || c == '\t' || c == '\r');
            if (b.length > LONGEST_SHOWN) {
                return b.length + " bytes, sha-256 " + digest(b) + ", starting "
                        + (printable ? "\"" + escaped(head(text)) + "\"" : Arrays.toString(Arrays.copyOf(b, 16)));
            }
            return b.length + " bytes" + (b.length == 0 ? "" : printable ? " \"" + escaped(text) + "\"" : " " + Arrays.toString(b));
        }
        // an array's own toString is its identity, which no reader of a finding can use
        return summarised(v instanceof Object[] items ? Arrays.deepToString(items) : String.valueOf(v));
    }

    /** {@link #show(Object)}, with the types of {@code v}'s values when its text equals that of one of {@code others} that differs. */
    static String show(Object v, List<?> others) {
        String plain = show(v);
        for (Object o : others) {
            if (!Objects.deepEquals(o, v) && show(o).equals(plain)) {
                return v instanceof String || v instanceof byte[] ? plain + " (" + typeOf(v) + ")" : summarised(typed(v));
            }
        }
        return plain;
    }

    /**
     * Like {@code toString()}, each value followed by its type, into maps, collections and arrays:
     * {@code {orders-0=100 (Long)}}. Strings inside are left as toString() prints them: a value
     * without a type is a string.
     */
    private static String typed(Object v) {
        if (v == null || v instanceof String || v instanceof byte[]) {
            return v instanceof byte[] ? show(v) : String.valueOf(v);
        }
        if (v instanceof java.util.Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            for (var e : map.entrySet()) {
                out.append(out.length() > 1 ? ", " : "").append(typed(e.getKey())).append('=').append(typed(e.getValue()));
            }
            return out.append('}').toString();
        }
        if (v instanceof Iterable<?> items) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : items) {
                out.append(out.length() > 1 ? ", " : "").append(typed(item));
            }
            return out.append(']').toString();
        }
        if (v instanceof Object[] items) {
            return typed(Arrays.asList(items));
        }
        return v + " (" + typeOf(v) + ")";
    }

    private static String typeOf(Object v) {
        String simple = v.getClass().getSimpleName();
        return simple.isEmpty() ? v.getClass().getName() : simple;
    }

    private static String summarised(String shown) {
        shown = escaped(shown);
        return shown.length() <= LONGEST_SHOWN ? shown
                : head(shown) + "... (" + shown.length() + " chars, sha-256 " + digest(shown.getBytes(StandardCharsets.UTF_8)) + ")";
    }

    /**
     * Control characters as the escapes a Java string literal would use ({@code \n}, {@code \r},
     * {@code \t}, else a backslash-u escape), line and paragraph separators too; a backslash doubled,
     * so that {@code \n} on a finding always means a newline in the value.
     */
    static String escaped(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\\' -> "\\\\";
                default -> c < 0x20 || (c >= 0x7F && c < 0xA0) || c == '\u2028' || c == '\u2029'
                        ? String.format("\\u%04X", (int) c) : null;
            };
            if (escape != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
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
