package dev.crashlab.benchmarks;

import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Cell;
import dev.crashlab.reports.ReportException;
import dev.crashlab.reports.Reports;
import dev.crashlab.reports.Status;
import dev.crashlab.reports.TargetResult;
import dev.crashlab.store.Protocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a store-put row of the cost table says it holds and breaks: the campaign's verdicts when
 * {@code --verdicts} names a report.json (issue 7 asks for verdicts, not promises), and the design
 * notes' claims ({@link Guarantees#held}) otherwise, or for an option the report has no target for.
 */
final class HeldGuarantees {

    /**
     * One row's figures.
     *
     * @param held   the table's columns held ({@link Guarantees#COLUMNS}), for the reports export and the chart
     * @param holds  the table cell
     * @param breaks the table cell: the catalog's words, or what the campaign found broken
     */
    record Row(Set<String> held, String holds, String breaks) {
    }

    /** A --verdicts file that cannot be used; the message is one line naming the file. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    private final Path source;
    private final CampaignResult report;
    private final Map<String, TargetResult> targets;

    private HeldGuarantees(Path source, CampaignResult report) {
        this.source = source;
        this.report = report;
        this.targets = report == null ? Map.of()
                : report.targets().stream().collect(Collectors.toMap(TargetResult::id, Function.identity()));
    }

    /** The claims table's claims for every row: what a run without --verdicts shows. */
    static HeldGuarantees claims() {
        return new HeldGuarantees(null, null);
    }

    static HeldGuarantees read(Path file) throws Unusable {
        CampaignResult report;
        try {
            report = Reports.read(file);
        } catch (ReportException e) {
            // Reports' messages already name the file.
            throw unusable(e.getMessage());
        } catch (IOException e) {
            throw unusable("cannot read " + file + ": " + reason(e));
        } catch (UncheckedIOException e) {
            throw unusable("cannot read " + file + ": " + reason(e.getCause()));
        }
        if (report.targets().isEmpty()) {
            // The report.json that `crashlab bench` itself writes has cost rows and no targets: an
            // easy file to pass by mistake, and one that would silently turn every row into claims.
            throw unusable(file + " holds no campaign verdicts (no targets)");
        }
        return new HeldGuarantees(file.toAbsolutePath().normalize(), report);
    }

    /** The JDK's exceptions name the path and little else; the user needs the why. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    private static Unusable unusable(String why) {
        // Jackson's messages may span lines, and a command-line error is one line.
        return new Unusable("--verdicts: " + why.replaceAll("\\s*\\R\\s*", " ")
                + ". Run ./crashlab check --out DIR first and pass --verdicts DIR/report.json.");
    }

    /**
     * The report.json target that checked what this option's benchmark measures. The campaign runs
     * a seeded bug under FILE_AND_DIRECTORY, as {@link Option} does, so its catalog id is enough.
     */
    static String targetId(Option o) {
        return o.protocol == Protocol.REFERENCE ? "reference/" + o.durability.name() : o.protocol.catalogId();
    }

    Row of(Option o) {
        TargetResult t = targets.get(targetId(o));
        if (t == null) {
            Set<String> held = Guarantees.held(o);
            String label = Guarantees.shortLabels(held);
            Set<String> broken = Guarantees.broken(o);
            String catalog = broken.isEmpty() ? "" : Guarantees.shortLabels(broken);
            return report == null ? new Row(held, label, catalog)
                    : new Row(held, label + " (claimed)", catalog.isEmpty() ? "" : catalog + " (catalog)");
        }
        Set<String> held = new LinkedHashSet<>();
        Set<String> violated = new LinkedHashSet<>();
        Set<String> priced = new LinkedHashSet<>();
        for (String g : Guarantees.COLUMNS) {
            List<Cell> cells = t.cells().stream().filter(c -> judges(g, c)).toList();
            if (cells.stream().anyMatch(c -> c.status() == Status.VIOLATED)) {
                violated.add(g);
            } else if (cells.stream().noneMatch(c -> c.status() == Status.NOT_CLAIMED)
                    && cells.stream().anyMatch(c -> c.status() == Status.HELD)) {
                held.add(g);
            }
            // A not-claimed cell with a counterexample was broken too: the price of the option
            // (NONE under a power failure), worth seeing, though not a violation.
            if (cells.stream().anyMatch(c -> c.status() == Status.NOT_CLAIMED && c.counterexample() != null)) {
                priced.add(g);
            }
        }
        priced.removeAll(violated);
        String breaks = violated.isEmpty() ? "" : Guarantees.shortLabels(violated);
        if (!priced.isEmpty()) {
            breaks += (breaks.isEmpty() ? "" : "; ") + Guarantees.shortLabels(priced) + " (not claimed)";
        }
        return new Row(held, Guarantees.shortLabels(held), breaks);
    }

    /** Whether {@code c} is one of the cells that decide the column (G2 is two columns: process crash, power failure). */
    private static boolean judges(String column, Cell c) {
        return c.guarantee() == Guarantees.guarantee(column) && (!column.startsWith("G2")
                || Guarantees.contexts(column).contains(c.model()));
    }

    /** The header of the breaks column. */
    String breaksHeader() {
        return report == null ? "catalog: breaks" : "found broken";
    }

    /** The sentence of cost.md that says where "holds" comes from. */
    String describe() {
        if (report == null) {
            return "\"holds\" is what the claims-and-catalog table says (`Claims`: what the option claims, less "
                    + "where the catalog says the protocol breaks), not the campaign's verdicts: pass `--verdicts DIR/report.json` "
                    + "(from `./crashlab check --out DIR`) for those.";
        }
        return "\"holds\" for a store put is the campaign's verdicts in `" + source + "` (seed " + report.seed()
                + "): a guarantee holds when at least one of its cells for that target held and none was violated "
                + "or not claimed (G2c: the process-crash cell; G2p: the ordered, ext4-like and weakest-posix cells); "
                + "\"found broken\" lists the violated guarantees, and those broken where not claimed. A row marked "
                + "\"(claimed)\" has no target in that report and shows the claimed guarantees instead "
                + "(the claims-and-catalog table, `Claims`), as group commit rows always do.";
    }
}
