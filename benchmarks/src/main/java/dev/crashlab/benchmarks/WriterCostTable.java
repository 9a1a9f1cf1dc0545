package dev.crashlab.benchmarks;

import java.util.List;

/**
 * A user's cost table: every variant and floor on every medium measured, in one table, with the
 * check's verdict columns beside the costs.
 *
 * @param provider   the provider's class name
 * @param baseline   the variant every other is compared with: the provider's first
 * @param columns    the verdict columns, e.g. "G2 ext4-like", in guarantee then context order
 * @param floorBytes what each floor writes per call
 * @param missing    what was not measured, and why (a benchmark that failed), for the table's notes
 */
record WriterCostTable(String provider, String baseline, List<String> columns, int floorBytes, List<WriterCostRow> rows,
                       List<String> missing) {

    WriterCostTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        missing = List.copyOf(missing);
    }
}
