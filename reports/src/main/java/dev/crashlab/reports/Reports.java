package dev.crashlab.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The reports module's entry points: write a campaign result in every format, read report.json
 * back, render one format, merge shard results.
 */
public final class Reports {

    private Reports() {
    }

    /**
     * Writes report.json, report.html, summary.md, junit.xml and report.sarif into {@code dir} (created if
     * missing), each replaced atomically.
     */
    public static void write(CampaignResult result, Path dir) throws IOException {
        // report.html (its charts) costs about what the other four cost together, and the command
        // line writes the reports once the check is over, with a core free: it renders beside them.
        FutureTask<Void> html = new FutureTask<>(() -> {
            render(result, Format.HTML, dir.resolve(Format.HTML.fileName()));
            return null;
        });
        Thread beside = new Thread(html, "crashlab-report-html");
        beside.setDaemon(true);
        beside.start();
        try {
            for (Format f : Format.values()) {
                if (f != Format.HTML) {
                    render(result, f, dir.resolve(f.fileName()));
                }
            }
        } finally {
            awaitRendered(html);
        }
    }

    private static void awaitRendered(FutureTask<Void> rendering) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    rendering.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the file is being written: wait for it, keep the flag
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Renders a small sample in every format, writing nothing, so the first {@link #write} of this
     * JVM finds its libraries loaded and initialised; meant for a thread of its own while the
     * caller does other work. Never throws: a problem of a renderer shows in the real rendering.
     */
    public static void warmUp() {
        WarmUp.renderSample();
    }

    /** Writes one format to {@code file}, replacing it atomically. */
    public static void render(CampaignResult result, Format format, Path file) throws IOException {
        AtomicFiles.write(file, format.render(result));
    }

    /** summary.md as a terminal or a CI log should show it: no HTML entities, no Markdown escapes. */
    public static String renderForConsole(CampaignResult result) {
        return Markdown.plain(render(result, Format.MARKDOWN));
    }

    /** One format as text, e.g. for printing summary.md to a CI step summary. */
    public static String render(CampaignResult result, Format format) {
        return format.render(result);
    }

    /**
     * Reads a report.json written by {@link #write} (or a directory holding one).
     *
     * @throws ReportException when it is not a report of this schema version, naming the file
     */
    public static CampaignResult read(Path reportJson) throws IOException {
        Path file = Files.isDirectory(reportJson) ? reportJson.resolve(Format.JSON.fileName()) : reportJson;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ReportException(file + " does not exist");
        }
        return JsonCodec.read(text, file.toString());
    }

    /** Parses report.json text; {@code origin} names it in error messages. */
    public static CampaignResult parse(String json, String origin) {
        return JsonCodec.read(json, origin);
    }

    /**
     * The result the unsharded campaign would have produced from its shards' results.
     *
     * @throws ReportException when the shards come from different campaigns or disagree about a cell
     */
    public static CampaignResult merge(List<CampaignResult> shards) {
        return Merger.merge(shards);
    }

    /**
     * The shards of an n-way split (each result's {@link CampaignResult#shard()}) that none of these
     * results covers: a merge without them would pass on a part of the campaign.
     */
    public static List<Shard> missingShards(List<CampaignResult> shards) {
        return Merger.missing(shards);
    }

    /** The JSON Schema (draft 2020-12) that report.json follows. */
    public static String schema() {
        return Resources.text("report.schema.json");
    }
}
