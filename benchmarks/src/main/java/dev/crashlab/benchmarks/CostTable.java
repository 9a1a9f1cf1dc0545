package dev.crashlab.benchmarks;

import java.util.List;

/** The rows measured on one medium at one value size, and the goals judged there. */
record CostTable(String fs, int size, List<CostRow> rows, List<Goal> goals) {

    public CostTable {
        rows = List.copyOf(rows);
        goals = List.copyOf(goals);
    }

    public String title() {
        return Sizes.describe(size) + " values on " + fs;
    }
}
