package study.hsqldb;

import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import dev.crashlab.reports.Guarantee;
import java.sql.Connection;
import java.util.List;
import study.Log;

/**
 * An explicit CHECKPOINT of an HSQLDB file database after a committed insert: db.script is
 * rewritten from memory (as db.script.new, then renamed), db.log emptied and db.properties marked.
 * A crash anywhere in it must leave the committed rows, by the old script and log or the new script.
 */
public class CheckpointTarget implements CrashTargetProvider {

    static final List<String> ROWS = List.of("r0", "r1");

    @Override
    public CrashTarget target() {
        return CrashTarget.builder("hsqldb-checkpoint")
                .setUp(root -> {
                    Db.create(root);
                    try (Connection c = Db.open(root)) {
                        Db.insert(c, "r1");
                        Db.execute(c, "SHUTDOWN IMMEDIATELY");
                    }
                })
                .writer(root -> Db.writing(root, r -> {
                    try (Connection c = Db.open(r)) {
                        Db.execute(c, "CHECKPOINT");
                        Db.execute(c, "SHUTDOWN IMMEDIATELY");
                    }
                }))
                .reader(Db::rows, ROWS, ROWS)
                .claims(Guarantee.G2, Guarantee.G3)
                .notMine("org.hsqldb.")
                .build();
    }
}
