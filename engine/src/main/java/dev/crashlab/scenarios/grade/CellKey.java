package dev.crashlab.scenarios.grade;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.reports.Context;

/** One square of the matrix, the key every verdict is filed under: a target, a guarantee, and the context it is judged in. */
public record CellKey(String target, Guarantee guarantee, Context context) implements Comparable<CellKey> {

    @Override
    public int compareTo(CellKey o) {
        int c = target.compareTo(o.target);
        if (c == 0) {
            c = guarantee.compareTo(o.guarantee);
        }
        return c != 0 ? c : context.compareTo(o.context);
    }

    @Override
    public String toString() {
        return target + " " + guarantee + " @ " + context;
    }
}
