package study.hsqldb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hsqldb.DatabaseManager;
import org.hsqldb.lib.HsqlArrayList;

/**
 * An HSQLDB file database (db.script, db.log, db.properties) under the target's root. The lock
 * file is off: its heartbeat is a timer thread rewriting db.lck every few seconds, a writer the
 * workload does not own.
 */
final class Db {

    private Db() {
    }

    static Connection open(Path root) throws Exception {
        return DriverManager.getConnection("jdbc:hsqldb:file:" + root.resolve("db") + ";hsqldb.lock_file=false", "SA", "");
    }

    /** A table holding row 'r0', the database shut down cleanly, and every commit synced as it returns. */
    static void create(Path root) throws Exception {
        try (Connection c = open(root); Statement s = c.createStatement()) {
            s.execute("SET FILES WRITE DELAY FALSE");
            s.execute("CREATE TABLE events (id VARCHAR(10) PRIMARY KEY)");
            s.execute("INSERT INTO events VALUES ('r0')");
            s.execute("SHUTDOWN");
        }
    }

    static void insert(Connection c, String id) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO events VALUES ('" + id + "')");
        }
    }

    static void execute(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** What a restart finds: HSQLDB replays db.log when it opens, then the rows in insertion order. */
    static List<String> rows(Path root) throws Exception {
        // A reader beside a live writer in this JVM shares its open database: it must not shut it down.
        boolean live = isOpen(root);
        List<String> rows = new ArrayList<>();
        try (Connection c = open(root); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT id FROM events ORDER BY id")) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
            if (!live) {
                s.execute("SHUTDOWN IMMEDIATELY");
            }
        }
        return rows;
    }

    private static boolean isOpen(Path root) {
        HsqlArrayList<String> open = DatabaseManager.getDatabaseURIs();
        for (int i = 0; i < open.size(); i++) {
            if (open.get(i).contains(root.resolve("db").toString())) {
                return true;
            }
        }
        return false;
    }
}
