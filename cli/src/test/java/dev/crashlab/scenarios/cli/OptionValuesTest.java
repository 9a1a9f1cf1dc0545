package dev.crashlab.scenarios.cli;

import dev.crashlab.reports.Shard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionValuesTest {

    @Test
    void aBudgetIsACountOrADurationTakenAsAFixedWorkloadCap() {
        WorkloadBudget.Converter c = new WorkloadBudget.Converter();
        assertEquals(new WorkloadBudget(40, null), c.convert("40"));
        WorkloadBudget fiveMinutes = c.convert("5m");
        assertEquals(Duration.ofMinutes(5), fiveMinutes.duration());
        assertEquals(c.convert("300s"), fiveMinutes, "the same budget, the same cap, on every machine and shard");
        assertTrue(fiveMinutes.workloads() > c.convert("90s").workloads());
        assertEquals(1, c.convert("1s").workloads(), "a budget below the fixed cost still checks something");
        assertEquals(300_000L, fiveMinutes.reportBudget().timeMillis());
        assertNull(c.convert("40").reportBudget().timeMillis());
    }

    @Test
    void theShardsPartitionTheUnits() {
        int units = 12;
        Set<Integer> seen = new HashSet<>();
        for (int i = 1; i <= 5; i++) {
            Shard shard = new ShardOption().convert(i + "/5");
            for (int u = 0; u < units; u++) {
                if (shard.contains(u)) {
                    assertTrue(seen.add(u), "unit " + u + " in two shards");
                }
            }
        }
        assertEquals(units, seen.size());
    }

    @Test
    void everyDefaultTargetIsAUnitAndTheCacheProtocolsComeLast() {
        Selection all = new Selection(Set.of(), new HashSet<>(Contexts.ALL),
                Set.of(dev.crashlab.reports.Guarantee.values()), 1, WorkloadBudget.NONE);
        List<String> names = new ArrayList<>(Units.of(all).stream().map(Unit::name).toList());
        assertEquals(Units.CACHE_UNIT, names.remove(names.size() - 1));
        assertEquals(dev.crashlab.scenarios.campaign.CampaignConfig.defaultTargets().stream()
                .map(dev.crashlab.scenarios.target.StoreTarget::id).toList(), names);
    }
}
