package study.hsqldb;

import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import dev.crashlab.reports.Guarantee;
import java.sql.Connection;
import java.util.List;
import study.Log;

/**
 * Two auto-committed inserts into an HSQLDB file database with WRITE DELAY FALSE (the documented
 * setting for "each commit is synced to disk before it returns"), acknowledged as each returns,
 * then a clean SHUTDOWN (a checkpoint).
 */
public class CommitTarget implements CrashTargetProvider {

    static final List<String> ROWS = List.of("r0", "r1", "r2");

    @Override
    public CrashTarget target() {
        return CrashTarget.builder("hsqldb-commit")
                .setUp(Db::create)
                .writer(root -> Db.writing(root, r -> {
                    try (Connection c = Db.open(r)) {
                        for (String row : ROWS.subList(1, ROWS.size())) {
                            Db.insert(c, row);
                            CrashTarget.ack(row);
                        }
                        Db.execute(c, "SHUTDOWN IMMEDIATELY");
                    }
                }))
                .oracle(Db::rows, Log.describe(ROWS, 1),
                        Log.oracle(ROWS, 1))
                .claims(Guarantee.G2, Guarantee.G3)
                .notMine("org.hsqldb.")
                .build();
    }
}
