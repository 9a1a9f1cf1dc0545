package dev.crashlab.scenarios.check;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.store.KeyCollisionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * G6: a crash during one put damages no other entry. Entries that existed before the workload and
 * that the workload does not put are byte-for-byte what they were, and no key's entry file holds
 * another key's entry. A power failure losing an entry's own unsynced data is G2's or G3's
 * business, not collateral damage, so it is not judged here.
 */
final class CollateralChecker implements Checker {

    private final Stores stores = new Stores();

    @Override
    public Guarantee guarantee() {
        return Guarantee.G6;
    }

    @Override
    public CheckResult check(CrashCase c) throws IOException {
        Set<String> workloadFiles = c.entryFileNames(stores);
        List<String> damage = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : c.before().files().entrySet()) {
            String name = file.getKey();
            if (!name.endsWith(".entry") || workloadFiles.contains(name)) {
                continue;
            }
            Path now = c.root().resolve(name);
            if (!Files.exists(now)) {
                damage.add(name + " deleted");
            } else if (!Arrays.equals(Files.readAllBytes(now), file.getValue())) {
                damage.add(name + " changed");
            }
        }
        for (String key : c.keys()) {
            KeyReading r = c.onDisk(stores, key);
            if (r.error() instanceof KeyCollisionException) {
                damage.add(r.describe());
            }
        }
        String allowed = "other entries untouched";
        return damage.isEmpty() ? c.pass(Guarantee.G6, "other entries untouched", allowed)
                : c.broken(Guarantee.G6, String.join(", ", damage), allowed);
    }
}
