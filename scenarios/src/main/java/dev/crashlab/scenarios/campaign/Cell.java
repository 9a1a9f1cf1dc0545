package dev.crashlab.scenarios.campaign;

import dev.crashlab.scenarios.target.Guarantee;

/** One square of the matrix: a target, a guarantee, and the context it is judged in. */
public record Cell(String target, Guarantee guarantee, String context) implements Comparable<Cell> {

    @Override
    public int compareTo(Cell o) {
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
