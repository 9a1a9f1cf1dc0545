package dev.crashlab.benchmarks;

import dev.crashlab.store.Durability;
import dev.crashlab.store.Durability.Guarantee;
import dev.crashlab.store.Protocol;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The guarantees an option holds according to the design notes: what its durability option claims
 * ({@link Durability#claims()}), less what the seeded-bug catalog says the protocol breaks
 * ({@link Protocol#breaks()}). These are claims, not the campaign's verdicts: {@link HeldGuarantees}
 * uses them only without {@code --verdicts}, or for an option the report has no target for, and
 * the table says which.
 */
public final class Guarantees {

    private Guarantees() {
    }

    public static Set<Guarantee> held(Option option) {
        Set<Guarantee> held = EnumSet.noneOf(Guarantee.class);
        held.addAll(option.durability.claims());
        held.removeAll(broken(option.protocol.breaks()));
        return held;
    }

    /**
     * Parses the catalog's "breaks" column: "G1, G2, G5", or "G2, G3 under power failure" where the
     * qualifier applies to every guarantee listed. G2 without a qualifier breaks under both crashes.
     */
    static Set<Guarantee> broken(String breaks) {
        Set<Guarantee> out = EnumSet.noneOf(Guarantee.class);
        if (breaks == null || breaks.isBlank()) {
            return out;
        }
        boolean powerOnly = breaks.contains("under power failure");
        for (String token : breaks.replace("under power failure", "").split("[,\\s]+")) {
            switch (token.trim()) {
                case "" -> { }
                case "G2" -> {
                    out.add(Guarantee.G2_POWER_FAILURE);
                    if (!powerOnly) {
                        out.add(Guarantee.G2_PROCESS_CRASH);
                    }
                }
                default -> out.add(Guarantee.valueOf(token.trim()));
            }
        }
        return out;
    }

    /** Short labels for a table cell; {@link #LEGEND} explains them. */
    public static String shortLabels(Set<Guarantee> gs) {
        if (gs.isEmpty()) {
            return "none";
        }
        // Durability.claims() is a Set.copyOf, whose order is unspecified: sort into G1..G6.
        return EnumSet.copyOf(gs).stream().map(Guarantees::shortLabel).collect(Collectors.joining(" "));
    }

    static String shortLabel(Guarantee g) {
        return switch (g) {
            case G2_PROCESS_CRASH -> "G2c";
            case G2_POWER_FAILURE -> "G2p";
            default -> g.name();
        };
    }

    public static final String LEGEND = "G1 atomic visibility · G2c crash atomicity (process crash) · "
            + "G2p crash atomicity (power failure) · G3 durability of a returned put · G4 write-once · "
            + "G5 recoverability · G6 no collateral damage";
}
