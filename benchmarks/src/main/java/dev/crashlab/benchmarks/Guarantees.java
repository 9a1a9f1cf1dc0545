package dev.crashlab.benchmarks;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Context;
import dev.crashlab.scenarios.catalog.Catalog;
import dev.crashlab.scenarios.catalog.Claims;
import dev.crashlab.store.Durability;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The guarantees an option holds according to the claims-and-catalog table ({@link Claims}): what its
 * durability option claims, less where the seeded-bug catalog says the protocol breaks. These are
 * claims, not the campaign's verdicts: {@link HeldGuarantees} uses them only without
 * {@code --verdicts}, or for an option the report has no target for, and the table says which.
 *
 * <p>The table's columns split G2 in two, because NONE claims it under a process crash (G2c) and not
 * under a power failure (G2p); every other guarantee is one column.
 */
final class Guarantees {

    /** The table's columns, in order. */
    static final List<String> COLUMNS = List.of("G1", "G2c", "G2p", "G3", "G4", "G5", "G6");

    private Guarantees() {
    }

    /** The columns an option holds per the table: claimed in every context of the column, and not catalogued as broken. */
    public static Set<String> held(Option option) {
        Set<String> held = claimed(option.durability);
        held.removeAll(broken(option));
        return held;
    }

    /** The columns an option's durability claims, in order. */
    static Set<String> claimed(Durability d) {
        Set<String> out = new LinkedHashSet<>();
        for (String column : COLUMNS) {
            if (contexts(column).stream().allMatch(m -> Claims.claimedBy(d, guarantee(column), m))) {
                out.add(column);
            }
        }
        return out;
    }

    /** The columns the catalog says the option's protocol breaks; none for the reference. */
    static Set<String> broken(Option option) {
        Set<String> out = new LinkedHashSet<>();
        if (Catalog.entry(option.protocol.catalogId()).isEmpty()) {
            return out;
        }
        for (String column : COLUMNS) {
            Set<Context> where = Claims.expectedToBreak(option.protocol.catalogId(), guarantee(column));
            // G1 and G4 also break in contexts with no crash (a paused reader, a race): any context counts.
            boolean crashOnly = column.startsWith("G2");
            if (crashOnly ? where.stream().anyMatch(contexts(column)::contains) : !where.isEmpty()) {
                out.add(column);
            }
        }
        return out;
    }

    /** The guarantees of the reports' vocabulary: G2 counts only when both of its columns do. */
    static Set<Guarantee> asGuarantees(Set<String> columns) {
        Set<Guarantee> out = EnumSet.noneOf(Guarantee.class);
        for (String column : columns) {
            if (!column.startsWith("G2")) {
                out.add(guarantee(column));
            }
        }
        if (columns.contains("G2c") && columns.contains("G2p")) {
            out.add(Guarantee.G2);
        }
        return out;
    }

    static Guarantee guarantee(String column) {
        return Guarantee.valueOf(column.substring(0, 2));
    }

    /** The contexts a column is judged in: G2c the process crash, G2p the power failures, the rest every model. */
    static List<Context> contexts(String column) {
        return switch (column) {
            case "G2c" -> List.of(Context.PROCESS_CRASH);
            case "G2p" -> Context.POWER_FAILURE;
            default -> {
                List<Context> all = new ArrayList<>(List.of(Context.PROCESS_CRASH));
                all.addAll(Context.POWER_FAILURE);
                yield all;
            }
        };
    }

    /** A table cell: the columns in order, or "none". */
    public static String shortLabels(Set<String> columns) {
        List<String> in = COLUMNS.stream().filter(columns::contains).toList();
        return in.isEmpty() ? "none" : String.join(" ", in);
    }

    public static final String LEGEND = "G1 atomic visibility · G2c crash atomicity (process crash) · "
            + "G2p crash atomicity (power failure) · G3 durability of a returned put · G4 write-once · "
            + "G5 recoverability · G6 no collateral damage";
}
