package dev.crashlab.reports;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The guarantees and models a result actually has cells for: a campaign run with
 * {@code --models ext4-like} should not show four empty columns per guarantee.
 */
record Axes(List<Guarantee> guarantees, List<Context> models) {

    static Axes of(CampaignResult result) {
        Set<Guarantee> gs = EnumSet.noneOf(Guarantee.class);
        Set<Context> ms = new java.util.TreeSet<>();
        for (TargetResult t : result.targets()) {
            for (Cell c : t.cells()) {
                gs.add(c.guarantee());
                ms.add(c.model());
            }
        }
        return new Axes(List.copyOf(gs), List.copyOf(ms));
    }
}
