package dev.crashlab.scenarios.campaign;

import dev.crashlab.faults.crash.Exploration;
import dev.crashlab.faults.crash.PersistenceModel;
import dev.crashlab.scenarios.target.StoreTarget;
import dev.crashlab.scenarios.workload.Bounds;
import dev.crashlab.store.Durability;
import dev.crashlab.store.Protocol;
import dev.crashlab.store.ReaderProtocol;
import java.util.ArrayList;
import java.util.List;

/**
 * What a campaign covers and how hard it looks.
 *
 * @param targets        store targets: the reference under each option and the seeded bugs
 * @param cacheProtocols whether to race the cache protocols of seeds 002 and 003 (G7)
 * @param bounds         the exhaustive workload bounds
 * @param readerSteps    the longest workload a paused-writer reader is run against (each costs a run per operation)
 * @param models         the persistence models crash states are built under
 * @param exploration    exhaustive bound and sampling of crash states
 * @param seed           recorded in every replay token; drives sampling beyond the exhaustive bound
 * @param workloadBudget at most this many workloads per target (0: no limit)
 */
public record CampaignConfig(List<StoreTarget> targets, boolean cacheProtocols, Bounds bounds, int readerSteps,
                             List<PersistenceModel> models, Exploration exploration, long seed, int workloadBudget) {

    public CampaignConfig {
        targets = List.copyOf(targets);
        models = List.copyOf(models);
    }

    /**
     * Random multi-fault candidates per crash point once a point is past the exhaustive bound. The
     * campaign judges hundreds of traces, each already covered by every single omission and tear;
     * 32 more per point keep a 1 MiB unsynced put to seconds (256, the faults module's default
     * for a one-trace check, took the default campaign past ten minutes). A deeper run passes its
     * own {@link Exploration}.
     */
    public static final int SAMPLES_PER_POINT = 32;

    /** The reference under every option, every seeded bug of the catalog, the default bounds. */
    public static CampaignConfig defaults(long seed) {
        return new CampaignConfig(defaultTargets(), true, Bounds.defaults(), 2, PersistenceModel.builtIn(),
                new Exploration(Exploration.DEFAULT_BOUND, SAMPLES_PER_POINT, seed), seed, 0);
    }

    public static List<StoreTarget> defaultTargets() {
        List<StoreTarget> targets = new ArrayList<>();
        for (Durability d : Durability.values()) {
            targets.add(StoreTarget.reference(d));
        }
        for (Protocol p : Protocol.values()) {
            if (p.isSeededBug()) {
                targets.add(StoreTarget.seeded(p));
            }
        }
        for (ReaderProtocol r : ReaderProtocol.values()) {
            if (r.isSeededBug()) {
                targets.add(StoreTarget.seeded(r));
            }
        }
        return targets;
    }

    public CampaignConfig withTargets(List<StoreTarget> only) {
        return new CampaignConfig(only, cacheProtocols, bounds, readerSteps, models, exploration, seed, workloadBudget);
    }

    public CampaignConfig withBounds(Bounds b, int maxReaderSteps) {
        return new CampaignConfig(targets, cacheProtocols, b, maxReaderSteps, models, exploration, seed, workloadBudget);
    }

    public CampaignConfig withCacheProtocols(boolean on) {
        return new CampaignConfig(targets, on, bounds, readerSteps, models, exploration, seed, workloadBudget);
    }
}
