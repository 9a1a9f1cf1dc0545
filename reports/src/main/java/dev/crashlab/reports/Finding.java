package dev.crashlab.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * A cell that carries a counterexample, numbered in report order so the matrix can link to its
 * section and every format lists findings in the same order.
 */
record Finding(int number, TargetResult target, Cell cell) {

    Outcome outcome() {
        return Outcome.of(target, cell);
    }

    Counterexample counterexample() {
        return cell.counterexample();
    }

    String anchor() {
        return "cx-" + number;
    }

    static List<Finding> of(CampaignResult result) {
        List<Finding> out = new ArrayList<>();
        for (TargetResult t : result.targets()) {
            for (Cell c : t.cells()) {
                if (c.counterexample() != null) {
                    out.add(new Finding(out.size() + 1, t, c));
                }
            }
        }
        return out;
    }

    static List<Finding> of(CampaignResult result, Outcome outcome) {
        return of(result).stream().filter(f -> f.outcome() == outcome).toList();
    }
}
