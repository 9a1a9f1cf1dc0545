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

    static String escape(String s) {
        String v = Printable.label(s, 120);
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
