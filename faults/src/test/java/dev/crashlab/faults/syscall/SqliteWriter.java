package dev.crashlab.faults.syscall;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The native writer of {@link SqliteKillTest}, run in a child JVM: SQLite (through JNI) makes a
 * table in a rollback-journal database and inserts a row, each its own synced transaction.
 *
 * <p>Usage: {@code SqliteWriter ROOT}.
 */
public final class SqliteWriter {

    private SqliteWriter() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0] + "/test.db");
             Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=DELETE");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)");
            s.execute("INSERT INTO t VALUES ('k1', 'value 1')");
        }
    }
}
