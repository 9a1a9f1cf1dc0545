package study.rocksdb;

import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import dev.crashlab.reports.Guarantee;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteOptions;

/**
 * A synced put into RocksDB through rocksdbjni. RocksDB's WAL, SSTs and MANIFEST are written by
 * C++ code: the JVM recording sees none of it, so the check records the writer at the system calls.
 */
public class PutTarget implements CrashTargetProvider {

    @Override
    public CrashTarget target() {
        return CrashTarget.builder("rocksdb-put")
                .setUp(root -> put(root, "v1", true))
                .writer(root -> put(root, "v2", true))
                .reader(PutTarget::get, Optional.of("v1"), Optional.of("v2"))
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .build();
    }

    static void put(Path root, String value, boolean sync) throws Exception {
        RocksDB.loadLibrary();
        try (Options o = options();
             RocksDB db = RocksDB.open(o, root.resolve("db").toString());
             WriteOptions options = new WriteOptions().setSync(sync)) {
            db.put(options, "k".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * RocksDB's info LOG is diagnostics, never read back: kept outside the checked directory
     * (db_log_dir), so its lines do not multiply the crash states the reader must open.
     */
    private static Options options() {
        return new Options().setCreateIfMissing(true)
                .setDbLogDir(Path.of(System.getProperty("java.io.tmpdir"), "crashlab-study-rocksdb-logs").toString());
    }

    static Optional<String> get(Path root) throws Exception {
        RocksDB.loadLibrary();
        // read-only, as a reader process would: it replays the WAL in memory and writes nothing, where a
        // read-write open would write and fsync a new MANIFEST and OPTIONS file in every crash state
        try (Options o = options(); RocksDB db = RocksDB.openReadOnly(o, root.resolve("db").toString())) {
            byte[] v = db.get("k".getBytes(StandardCharsets.UTF_8));
            return Optional.ofNullable(v).map(b -> new String(b, StandardCharsets.UTF_8));
        }
    }
}
