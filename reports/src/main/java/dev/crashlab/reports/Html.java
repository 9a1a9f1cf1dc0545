package dev.crashlab.reports;

/** HTML escaping for text and attribute values; everything user-controlled goes through here. */
final class Html {

    private Html() {
    }

    static String escape(String s) {
        String v = Printable.visible(s);
        StringBuilder out = new StringBuilder(v.length() + 16);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A shortened label, escaped. */
    static String label(String s) {
        return escape(Printable.label(s));
    }
}
