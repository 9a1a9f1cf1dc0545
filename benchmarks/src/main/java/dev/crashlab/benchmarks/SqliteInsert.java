package dev.crashlab.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The peer a user would pick instead: SQLite through its real JDBC driver, one insert per
 * transaction (autocommit), same value sizes, same file system.
 *
 * <p>journal_mode=WAL with synchronous=FULL fsyncs the WAL at every commit: a committed insert
 * survives a power failure, the counterpart of FILE_AND_DIRECTORY. synchronous=NORMAL (what seed
 * 000's project moved to) fsyncs only at checkpoints: the database stays consistent, but the last
 * commits may roll back after a power failure, the counterpart of FILE. The WAL's automatic
 * checkpoints (every 1000 pages) happen inside some inserts; they are part of SQLite's real cost,
 * and they are what the p99 shows.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class SqliteInsert {

    @Param({"FULL", "NORMAL"})
    public String synchronous;

    @Param({"64", "4096", "1048576"})
    public int size;

    @Param({"disk", "tmpfs"})
    public String fs;

    private Path dir;
    private Connection connection;
    private PreparedStatement insert;
    private PreparedStatement deleteAll;
    private byte[] value;
    private long next;
    private final DirectoryBudget budget = new DirectoryBudget();

    @Setup(Level.Trial)
    public void open() throws SQLException {
        dir = BenchDirs.fresh(fs, "sqlite-" + synchronous + "-" + size);
        connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bench.db"));
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=" + synchronous);
            s.execute("CREATE TABLE entries (k TEXT PRIMARY KEY, v BLOB NOT NULL)");
        }
        insert = connection.prepareStatement("INSERT INTO entries (k, v) VALUES (?, ?)");
        deleteAll = connection.prepareStatement("DELETE FROM entries");
        value = Values.random(size);
        BenchDirs.syncAll();
    }

    /** Same budget as the store's directory, so both keep a table of comparable size. */
    @Setup(Level.Invocation)
    public void keepTableSmall() throws SQLException {
        if (budget.spend(1, size)) {
            deleteAll.executeUpdate();
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        connection.close();
        BenchDirs.delete(dir);
    }

    @Benchmark
    public int insert() throws SQLException {
        insert.setString(1, Long.toString(next++));
        insert.setBytes(2, value);
        return insert.executeUpdate();
    }
}
