package dev.crashlab.faults.crash;

import java.util.Objects;

/**
 * What became of one operation that happened before the crash point: it reached stable storage,
 * it was lost, or (a write) only some of its sectors reached it.
 *
 * @param kind what became of the operation
 * @param tear how a torn write was torn; null unless {@code kind == TORN}
 */
public record Fate(Kind kind, Tear tear) {

    public enum Kind { PERSISTED, DROPPED, TORN }

    public static final Fate PERSISTED = new Fate(Kind.PERSISTED, null);
    public static final Fate DROPPED = new Fate(Kind.DROPPED, null);

    public Fate {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.TORN) != (tear != null)) {
            throw new IllegalArgumentException("a tear goes with TORN and only with TORN");
        }
    }

    public static Fate torn(Tear tear) {
        return new Fate(Kind.TORN, Objects.requireNonNull(tear, "tear"));
    }
}
