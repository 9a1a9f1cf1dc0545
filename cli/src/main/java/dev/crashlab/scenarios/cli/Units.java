package dev.crashlab.scenarios.cli;

import dev.crashlab.reports.Shard;
import dev.crashlab.scenarios.campaign.CampaignConfig;
import dev.crashlab.reports.Context;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.target.StoreTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The campaign cut into units in a fixed order (the store targets in the campaign's order, then
 * the cache protocols), which is what {@code --shard} partitions. A unit that could only produce
 * cells the selection filters out is left out, so it costs nothing.
 */
final class Units {

    /**
     * The engine races the cache protocols of seeds 002 and 003 together, fixed versions included,
     * and has no way to run one of them alone: naming any of them selects all four.
     */
    static final List<String> CACHE_TARGETS = List.of("cache-ahead", "cache-ahead-fixed", "stale-page", "stale-page-fixed");
    static final String CACHE_UNIT = "cache protocols";

    private Units() {
    }

    static List<Unit> of(Selection s) {
        CampaignConfig config = s.config();
        List<Unit> units = new ArrayList<>();
        boolean storeCells = s.guarantees().stream().anyMatch(g -> g != Guarantee.G7)
                && s.contexts().stream().anyMatch(c -> !c.equals(Context.RACE));
        for (StoreTarget t : config.targets()) {
            if (storeCells && s.selects(t.id())) {
                units.add(new Unit(t.id(), config.withTargets(List.of(t)).withCacheProtocols(false)));
            }
        }
        boolean cacheSelected = s.targets().isEmpty() || CACHE_TARGETS.stream().anyMatch(s.targets()::contains);
        if (cacheSelected && s.guarantees().contains(Guarantee.G7) && s.contexts().contains(Context.RACE)) {
            units.add(new Unit(CACHE_UNIT, config.withTargets(List.of()).withCacheProtocols(true)));
        }
        return units;
    }

    /** The units of one shard. */
    static List<Unit> shard(List<Unit> units, Shard shard) {
        List<Unit> mine = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            if (shard.contains(i)) {
                mine.add(units.get(i));
            }
        }
        return mine;
    }

    static List<String> targetIds() {
        return Stream.concat(CampaignConfig.defaultTargets().stream().map(StoreTarget::id), CACHE_TARGETS.stream()).toList();
    }

    static StoreTarget storeTarget(String id) {
        return CampaignConfig.defaultTargets().stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }

    /** {@code --targets}: a known target id, or a message listing them. */
    static final class IdConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.trim();
            if (!targetIds().contains(v)) {
                throw new TypeConversionException("unknown target '" + value + "'; use one of " + String.join(", ", targetIds()));
            }
            return v;
        }
    }
}
