package study.sqlite;

import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import dev.crashlab.reports.Guarantee;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An insert committed through sqlite-jdbc. SQLite's pager does its file I/O in C, through the
 * driver's native library: the recording sees none of it, so crashlab must refuse to judge, never
 * pass it.
 */
public class InsertTarget implements CrashTargetProvider {

    @Override
    public CrashTarget target() {
        return CrashTarget.builder("sqlite-insert")
                .setUp(root -> sql(root, "CREATE TABLE events (id TEXT PRIMARY KEY)", "INSERT INTO events VALUES ('r0')"))
                .writer(root -> sql(root, "INSERT INTO events VALUES ('r1')"))
                .reader(InsertTarget::rows, List.of("r0"), List.of("r0", "r1"))
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .build();
    }

    private static void sql(Path root, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("db.sqlite"));
             Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }

    static List<String> rows(Path root) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("db.sqlite"));
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id FROM events ORDER BY id")) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }
}
