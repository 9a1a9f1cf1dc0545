package dev.crashlab.benchmarks;

import java.awt.Color;

/**
 * What a bar of the cost chart is, by colour: a reader must tell a safe durability option from a
 * seeded bug (never keep data with it), a floor (no store at all) and a peer store at a glance.
 */
enum ChartCategory {
    OPTION("durability option", new Color(0x1565c0)),
    SEEDED_BUG("seeded bug (unsafe, for comparison)", new Color(0xc62828)),
    GROUP_COMMIT("group commit, per entry", new Color(0x6a1b9a)),
    FLOOR("floor: the same system calls, no store", new Color(0x757575)),
    PEER("peer store", new Color(0x2e7d32)),
    MACHINE_FLOOR("floor: bare system calls on this machine", new Color(0x757575));

    final String legend;
    final Color colour;

    ChartCategory(String legend, Color colour) {
        this.legend = legend;
        this.colour = colour;
    }

    static ChartCategory of(CostRow r) {
        return switch (r.section()) {
            case "floor" -> FLOOR;
            case "machine floor" -> MACHINE_FLOOR;
            case "peer" -> PEER;
            case "group commit" -> GROUP_COMMIT;
            // Option.describe(): a seeded bug is labelled with the durability it claims.
            default -> r.label().contains("(claims ") ? SEEDED_BUG : OPTION;
        };
    }

    /** The i-th value size of n, lighter the smaller: the category stays readable in every bar. */
    Color shade(int i, int n) {
        float lighter = n <= 1 ? 0f : 0.45f * (n - 1 - i) / (n - 1);
        return new Color(mix(colour.getRed(), lighter), mix(colour.getGreen(), lighter), mix(colour.getBlue(), lighter));
    }

    private static int mix(int c, float towardsWhite) {
        return Math.round(c + (255 - c) * towardsWhite);
    }
}
