package dev.crashlab.reports;

import java.util.Arrays;
import java.util.Locale;

/** The renderings of a result, each with the file name the command-line contract gives it. */
public enum Format {
    JSON("report.json"),
    HTML("report.html"),
    MARKDOWN("summary.md"),
    JUNIT("junit.xml"),
    SARIF("report.sarif");

    private final String fileName;

    Format(String fileName) {
        this.fileName = fileName;
    }

    /** The name {@code crashlab check --out DIR} writes this format to inside DIR. */
    public String fileName() {
        return fileName;
    }

    /** Parses a {@code --format} value: json, html, markdown (or md), junit, sarif. */
    public static Format parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("md")) {
            return MARKDOWN;
        }
        for (Format f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; expected one of "
                + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
    }

    String render(CampaignResult result) {
        return switch (this) {
            case JSON -> JsonCodec.write(result);
            case HTML -> HtmlReport.of(result);
            case MARKDOWN -> MarkdownSummary.of(result);
            case JUNIT -> JunitXml.of(result);
            case SARIF -> Sarif.of(result);
        };
    }
}
