package dev.crashlab.faults.oracle;

import dev.crashlab.faults.crash.PersistenceModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel oracle's tables, one per file system: per idiom, the real states (power cuts taken)
 * and how many were distinct, how many fall outside each built-in model (the setup's own must be
 * 0), and the (crash point, state) pairs the setup's model allows that no cut produced. Written to
 * the build's oracle/kernel.md; docs/kernel-oracle.md quotes it.
 */
final class KernelTable {

    private final String kernel;
    private final List<KernelJudge> judged = new ArrayList<>();

    KernelTable(String kernel) {
        this.kernel = kernel;
    }

    void add(FsSetup setup, KernelJudge judge) {
        judged.add(judge);
    }

    /** (Re)writes the tables of the file systems judged so far, so that a run cut short still leaves them. */
    void write() {
        List<String> models = KernelOracleTest.models().stream().map(PersistenceModel::name).toList();
        StringBuilder out = new StringBuilder("# Kernel oracle on Linux " + kernel + "\n\n");
        out.append("| file system | model | real states | distinct | ");
        models.forEach(m -> out.append("outside ").append(m).append(" | "));
        out.append("\n|---|---|---|---|").append("---|".repeat(models.size())).append('\n');
        for (KernelJudge j : judged) {
            out.append("| ").append(j.setup().name()).append(" | ").append(j.setup().model().name()).append(" | ")
                    .append(j.realStates()).append(" | ").append(j.distinctStates()).append(" | ");
            models.forEach(m -> out.append(j.outside(m)).append(" | "));
            out.append('\n');
        }
        for (KernelJudge j : judged) {
            out.append("\n## ").append(j.setup().name()).append(" (model ").append(j.setup().model().name())
                    .append(", mount -o ").append(j.setup().mountOptions()).append(", cuts ").append(j.setup().cuts())
                    .append(")\n\n| idiom | real | distinct | outside ").append(j.setup().model().name())
                    .append(" | other models outside | model states | never seen |\n|---|---|---|---|---|---|---|\n");
            for (KernelJudge.Row r : j.rows()) {
                StringBuilder others = new StringBuilder();
                r.outside().forEach((m, n) -> {
                    if (n > 0 && !m.equals(j.setup().model().name())) {
                        others.append(others.length() > 0 ? ", " : "").append(m).append(' ').append(n);
                    }
                });
                out.append("| ").append(r.idiom()).append(" | ").append(r.real()).append(" | ").append(r.distinct())
                        .append(" | ").append(r.outside().getOrDefault(j.setup().model().name(), 0)).append(" | ")
                        .append(others).append(" | ").append(r.allowed()).append(" | ").append(r.neverSeen())
                        .append(r.problem() == null ? "" : " (" + r.problem().replace('\n', ' ').replace("|", "/") + ")")
                        .append(" |\n");
            }
            for (KernelJudge.Row r : j.rows()) {
                if (r.failure() != null) {
                    out.append("\n### ").append(j.setup().name()).append(": ").append(r.idiom()).append("\n\n```\n")
                            .append(r.failure()).append("\n```\n");
                }
            }
        }
        new OracleReport("kernel", out.toString());
    }
}
