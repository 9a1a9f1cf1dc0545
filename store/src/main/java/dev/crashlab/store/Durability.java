package dev.crashlab.store;

import java.util.EnumSet;
import java.util.Set;

/**
 * How much a put waits for before it returns. Each option claims a set of guarantees (design notes,
 * "Guarantees"); the harness checks the claims and reports a guarantee an option does not claim as
 * "not claimed", never as a violation.
 */
public enum Durability {
    /**
     * No fsync. Claims G1, G2 under a process crash only, G4, G5, G6. A power failure may lose or
     * empty entries: that is the price of NONE, not a bug.
     */
    NONE(EnumSet.of(Guarantee.G1, Guarantee.G2_PROCESS_CRASH, Guarantee.G4, Guarantee.G5, Guarantee.G6)),
    /**
     * fsync the entry's file before publishing it. Adds G2 under power failure: an entry that
     * survives is complete. A put that returned may still vanish, since the rename is not synced.
     */
    FILE(EnumSet.of(Guarantee.G1, Guarantee.G2_PROCESS_CRASH, Guarantee.G2_POWER_FAILURE,
            Guarantee.G4, Guarantee.G5, Guarantee.G6)),
    /** fsync the file, and the directory after the rename. Adds G3: a put that returned survives. */
    FILE_AND_DIRECTORY(EnumSet.allOf(Guarantee.class));

    private final Set<Guarantee> claims;

    Durability(Set<Guarantee> claims) {
        this.claims = Set.copyOf(claims);
    }

    /** The guarantees this option promises under the reference protocol. */
    public Set<Guarantee> claims() {
        return claims;
    }

    public boolean claims(Guarantee g) {
        return claims.contains(g);
    }

    /**
     * The store's share of the guarantees of the design notes. G2 is split because NONE claims it
     * under a process crash but not under a power failure. G7 concerns caches in front of a store.
     */
    public enum Guarantee {
        /** Atomic visibility: a reader sees no entry or a complete one. */
        G1,
        /** Crash atomicity after a process crash. */
        G2_PROCESS_CRASH,
        /** Crash atomicity after a power failure. */
        G2_POWER_FAILURE,
        /** Durability of a put that returned. */
        G3,
        /** Write-once: a visible value never changes. */
        G4,
        /** Recoverability: no stale lock, invalid entries reported or replaced. */
        G5,
        /** No collateral damage to other entries. */
        G6
    }
}
