package dev.crashlab.reports;

/**
 * Markdown escaping for GitHub-flavoured Markdown, where a step summary also renders inline HTML:
 * a key must not open a tag, break a table cell or start emphasis.
 */
final class Markdown {

    // Only what can take effect mid-line: every line this module writes starts with its own markup.
    private static final String SPECIAL = "\\`*_[]|~";

    private Markdown() {
    }

    /** A label (a target id, what a reader saw): on one line and cut to 120 characters. */
    static String escape(String s) {
        return escaped(Printable.label(s, 120));
    }

    /** A sentence a person must read whole (a fix, where the check ran): on one line, never cut. */
    static String text(String s) {
        return escaped(Printable.label(s, Integer.MAX_VALUE));
    }

    private static String escaped(String v) {
        StringBuilder out = new StringBuilder(v.length() + 16);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '<') {
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else if (c == '&') {
                out.append("&amp;");
            } else if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The same text for a terminal or a CI log, where nothing renders Markdown: entities and
     * backslash escapes back to the characters they stand for ({@code <root>}, not {@code &lt;root&gt;}).
     */
    static String plain(String markdown) {
        return markdown.replaceAll("\\\\([\\\\`*_\\[\\]|~])", "$1")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
