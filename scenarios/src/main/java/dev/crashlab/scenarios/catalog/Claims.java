package dev.crashlab.scenarios.catalog;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Context;
import dev.crashlab.store.Durability;
import java.util.Set;

/**
 * The claims-and-catalog table: for a target, a guarantee and a context, whether the target claims
 * it, whether the seeded-bug catalog says it must break there, or neither. The store's options say
 * only what they wait for; what that guarantees is the harness's word, kept here.
 */
public final class Claims {

    private Claims() {
    }

    /**
     * What the reference store claims under an option: G1, G4, G5 and G6 always; G2 everywhere but
     * under a power failure with NONE (nothing is synced, so an entry may be lost or emptied); G3 only
     * when a put waits for its directory too (otherwise the rename may be lost). G7 concerns caches
     * in front of a store, not the store.
     */
    public static boolean claimedBy(Durability option, Guarantee g, Context context) {
        return switch (g) {
            case G1, G4, G5, G6 -> true;
            case G2 -> !context.isPowerFailure() || option != Durability.NONE;
            case G3 -> option == Durability.FILE_AND_DIRECTORY;
            case G7 -> false;
        };
    }

    /** The contexts in which the catalog says the target must break {@code g}; empty for a target not in it. */
    public static Set<Context> expectedToBreak(String targetId, Guarantee g) {
        return Catalog.entry(targetId).map(e -> e.mustBreak().getOrDefault(g, Set.of())).orElse(Set.of());
    }
}
