package dev.crashlab.reports;

/**
 * Text fit for XML 1.0. The stream writer escapes markup but passes a NUL straight through, and
 * every CI parser then rejects the whole file; so control characters become visible escapes first.
 */
final class Xml {

    private Xml() {
    }

    static String text(String s) {
        return Printable.visible(s);
    }
}
