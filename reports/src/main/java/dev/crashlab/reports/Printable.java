package dev.crashlab.reports;

/**
 * Makes user-controlled text (target ids, workload steps, what a reader saw) safe to show before any
 * format's own escaping: control characters become visible escapes (a NUL in a key must not end a
 * C string downstream, nor be invalid XML), lone surrogates are replaced, and labels are shortened.
 */
final class Printable {

    /** Enough to tell targets apart in a matrix row; the full id is kept in a tooltip. */
    static final int LABEL_LIMIT = 80;

    private Printable() {
    }

    /** Control characters (other than newline and tab) as \\uXXXX; broken surrogates as U+FFFD. */
    static String visible(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                out.append('\uFFFD');
            } else if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c < 0xA0)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@link #visible} on one line, cut to {@code limit} characters with an ellipsis. */
    static String label(String s, int limit) {
        String one = visible(s).replace('\n', ' ').replace('\t', ' ');
        if (one.length() <= limit) {
            return one;
        }
        int cut = limit - 1;
        if (Character.isHighSurrogate(one.charAt(cut - 1))) {
            cut--;
        }
        return one.substring(0, cut) + "\u2026";
    }

    static String label(String s) {
        return label(s, LABEL_LIMIT);
    }
}
