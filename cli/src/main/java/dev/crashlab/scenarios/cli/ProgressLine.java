package dev.crashlab.scenarios.cli;

import dev.crashlab.scenarios.grade.Verdict;
import dev.crashlab.scenarios.catalog.Catalog;
import dev.crashlab.scenarios.campaign.CampaignRun;
import dev.crashlab.reports.Status;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One plain line per finished unit, so a CI log (no console, no carriage returns) shows progress
 * and, early, whether something broke.
 */
final class ProgressLine {

    private ProgressLine() {
    }

    /** @param elapsedMillis since the command started, so a log shows the pace without timestamps */
    static String of(int finished, int total, CampaignRun unit, List<Verdict> kept, long elapsedMillis) {
        String targets = String.join(", ", unit.workloads().keySet());
        int workloads = unit.workloads().values().stream().mapToInt(Integer::intValue).max().orElse(0);
        long states = kept.stream().mapToLong(Verdict::checks).sum();
        return String.format(Locale.ROOT, "crashlab check: [%d/%d] %s finished in %.1f s (%s%,d states checked; %.0f s "
                        + "since the start%s): %s", finished, total, targets, unit.wallMillis() / 1000.0,
                workloads == 0 ? "" : workloads + " workloads, ", states, elapsedMillis / 1000.0,
                eta(finished, total, elapsedMillis), findings(kept));
    }

    /**
     * A rough time left: the pace of the units finished so far applied to the rest. Units differ in
     * cost and run on parallel lanes, so it is said as "about", and only once a unit has finished.
     */
    static String eta(int finished, int total, long elapsedMillis) {
        if (finished <= 0 || finished >= total) {
            return "";
        }
        long left = elapsedMillis * (total - finished) / finished;
        return String.format(Locale.ROOT, ", about %.0f s left", Math.max(1, left / 1000.0));
    }

    private static String findings(List<Verdict> kept) {
        Map<String, TreeSet<String>> broken = new TreeMap<>();
        for (Verdict v : kept) {
            if (v.status() == Status.VIOLATED) {
                broken.computeIfAbsent(v.cell().target(), k -> new TreeSet<>()).add(v.cell().guarantee().name());
            }
        }
        if (broken.isEmpty()) {
            return "no claimed guarantee broken";
        }
        return broken.entrySet().stream()
                .map(e -> e.getKey() + " broke " + String.join(" ", e.getValue())
                        + (Catalog.entry(e.getKey()).isPresent() ? " (seeded bug)" : " (VIOLATION)"))
                .collect(Collectors.joining("; "));
    }
}
