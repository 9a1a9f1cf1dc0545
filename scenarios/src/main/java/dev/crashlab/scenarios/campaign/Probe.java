package dev.crashlab.scenarios.campaign;

import static dev.crashlab.scenarios.grade.CellTable.FAULT_FREE;

import dev.crashlab.scenarios.grade.CellTable;
import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.workload.Workload;

/** One fault context explored for one workload: crash states, a paused writer, a damaged entry... */
interface Probe {

    /** Explores {@code workload} (index {@code w} in the campaign's order) on {@code target}. */
    void explore(StoreTarget target, int w, Workload workload, Recording fresh, CellTable cells) throws Exception;
}
