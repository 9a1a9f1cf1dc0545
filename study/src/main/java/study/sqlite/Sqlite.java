package study.sqlite;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.api.CrashTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An insert committed through sqlite-jdbc under one journal mode and one synchronous level. SQLite's
 * pager does its file I/O in C, so the JVM recording misses it and the check records the writer at
 * the system calls instead (it says so in its notes). The wal-index ({@code -shm}) is a shared
 * writable map SQLite rebuilds whenever a database is opened with no other connection: declared
 * volatile, so it is left out and reported as not judged.
 */
final class Sqlite {

    private Sqlite() {
    }

    /** The target without its claims, which depend on the level (SQLite's documentation of PRAGMA synchronous). */
    static CrashTarget.Builder target(String name, String journalMode, String synchronous) {
        return CrashTarget.builder(name)
                .setUp(root -> sql(root, journalMode, synchronous, "CREATE TABLE events (id TEXT PRIMARY KEY)",
                        "INSERT INTO events VALUES ('r0')"))
                .writer(root -> sql(root, journalMode, synchronous, "INSERT INTO events VALUES ('r1')"))
                .reader(Sqlite::rows, List.of("r0"), List.of("r0", "r1"))
                .volatileFiles("*-shm")
                .claims(Guarantee.G1);
    }

    private static void sql(Path root, String journalMode, String synchronous, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("db.sqlite"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=" + journalMode);
            s.execute("PRAGMA synchronous=" + synchronous);
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
