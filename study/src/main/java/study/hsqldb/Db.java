package study.hsqldb;

import dev.crashlab.scenarios.api.CrashTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * An HSQLDB file database (db.script, db.log, db.properties) under the target's root. The lock
 * file is off: its heartbeat is a timer thread rewriting db.lck every few seconds, a writer the
 * workload does not own.
 */
final class Db {

    /** The roots a writer has its database open under; a reader there reads a copy (see {@link #rowsOfCopy}). */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

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
        if (WRITING.contains(root)) {
            return rowsOfCopy(root);
        }
        List<String> rows = new ArrayList<>();
        try (Connection c = open(root); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT id FROM events ORDER BY id")) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
            s.execute("SHUTDOWN IMMEDIATELY");
        }
        return rows;
    }

    /**
     * A reader beside a live writer in this JVM would share the writer's open database (HSQLDB keeps
     * one per path) and wait on its locks, at a point that depends on thread timing (the result
     * differed between two runs). It reads the files as another process would instead: a copy of
     * them, taken while the writer is paused.
     */
    private static List<String> rowsOfCopy(Path root) throws Exception {
        Path copy = Files.createTempDirectory("study-hsqldb-reader");
        try {
            try (Stream<Path> files = Files.list(root)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(f)) {
                        Files.copy(f, copy.resolve(f.getFileName()));
                    }
                }
            }
            return rows(copy);
        } finally {
            try (Stream<Path> files = Files.walk(copy)) {
                for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Runs a writer's body on the database under {@code root}, marked live for readers meanwhile. */
    static void writing(Path root, CrashTarget.Action body) throws Exception {
        WRITING.add(root);
        try {
            body.run(root);
        } finally {
            WRITING.remove(root);
        }
    }
}
