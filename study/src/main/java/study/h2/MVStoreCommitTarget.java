package study.h2;

import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import dev.crashlab.reports.Guarantee;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import study.Log;

/**
 * Two puts into an H2 MVStore file, each followed by {@link MVStore#commit()} and acknowledged,
 * then a close. Auto-commit (a background thread started by the store) is off, so every write is
 * the workload's own.
 */
public class MVStoreCommitTarget implements CrashTargetProvider {

    static final List<String> KEYS = List.of("k0", "k1", "k2");

    @Override
    public CrashTarget target() {
        return CrashTarget.builder("h2-mvstore-commit")
                .setUp(root -> {
                    try (MVStore s = open(root)) {
                        s.openMap("m").put("k0", "v");
                        s.commit();
                    }
                })
                .writer(root -> {
                    try (MVStore s = open(root)) {
                        MVMap<String, String> m = s.openMap("m");
                        for (String k : KEYS.subList(1, KEYS.size())) {
                            m.put(k, "v");
                            s.commit();
                            CrashTarget.ack(k);
                        }
                    }
                })
                .oracle(MVStoreCommitTarget::keys, Log.describe(KEYS, 1),
                        Log.oracle(KEYS, 1))
                .claims(Guarantee.G2)
                // H2's documentation ("Durability Problems"): committed changes can be lost on a power failure
                .claimsUnder(Guarantee.G3, "process-crash")
                .notMine("org.h2.")
                .build();
    }

    static MVStore open(Path root) {
        return new MVStore.Builder().fileName(root.resolve("data.mv").toString()).autoCommitDisabled().open();
    }

    static List<String> keys(Path root) {
        try (MVStore s = open(root)) {
            MVMap<String, String> m = s.openMap("m");
            return new ArrayList<>(m.keySet());
        }
    }
}
