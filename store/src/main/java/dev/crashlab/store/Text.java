package dev.crashlab.store;

/**
 * Text fit for an error message: control characters (C0 and C1), bidirectional overrides and
 * marks, line and paragraph separators, and unpaired surrogates are written as {@code \\uXXXX}.
 * A key or a root path is untrusted text; printed raw it can reorder a log line (U+202E), start a
 * fake one (U+2028, U+0085), or make a log shipper reject the whole message (half a surrogate pair).
 */
final class Text {

    private Text() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        escape(text, false, out);
        return out.toString();
    }

    /** With {@code quoted}, also escapes the quote and backslash, so the text can sit between quotes. */
    static void escape(String text, boolean quoted, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (unsafe(c) || quoted && (c == '"' || c == '\\')) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c) || Character.isSurrogate(c)
                || c == '\u061c' || c == '\u200e' || c == '\u200f'
                || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069'
                || c == '\u2028' || c == '\u2029';
    }
}
