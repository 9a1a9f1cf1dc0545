package dev.crashlab.scenarios.cli;

import dev.crashlab.scenarios.grade.Verdict;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.scenarios.campaign.CampaignConfig;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import java.util.List;
import java.util.Set;

/**
 * What {@code check} was asked to cover: which targets (empty: all), which contexts and which
 * guarantees are reported, the seed, and the workload cap.
 */
record Selection(Set<String> targets, Set<Context> contexts, Set<Guarantee> guarantees, long seed,
                 WorkloadBudget budget) {

    Selection {
        targets = Set.copyOf(targets);
        contexts = Set.copyOf(contexts);
        guarantees = Set.copyOf(guarantees);
    }

    boolean selects(String targetId) {
        return targets.isEmpty() || targets.contains(targetId);
    }

    /** Whether a cell is reported. Probes that cannot be switched off (live, corrupt entry) are filtered here. */
    boolean keeps(Verdict v) {
        return guarantees.contains(v.cell().guarantee()) && contexts.contains(v.cell().context());
    }

    /**
     * The default campaign, narrowed where the engine allows it: only the selected persistence
     * models are explored, and the paused-writer reader only runs when its context is selected.
     */
    CampaignConfig config() {
        CampaignConfig d = CampaignConfig.defaults(seed);
        List<PersistenceModel> models = d.models().stream().filter(m -> contexts.contains(Context.fromWireName(m.name()))).toList();
        int readerSteps = contexts.contains(Context.CONCURRENT_READER) ? d.readerSteps() : 0;
        return new CampaignConfig(d.targets(), d.cacheProtocols(), d.bounds(), readerSteps, models, d.exploration(),
                seed, budget.workloads());
    }
}
