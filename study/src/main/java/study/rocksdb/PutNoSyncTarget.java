package study.rocksdb;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import java.util.Optional;

/**
 * A put into RocksDB with the default {@code sync=false}: RocksDB's documentation promises it
 * survives a process crash (it is in the WAL, in the page cache) but not a machine crash.
 */
public class PutNoSyncTarget implements CrashTargetProvider {

    @Override
    public CrashTarget target() {
        return CrashTarget.builder("rocksdb-put-nosync")
                .setUp(root -> PutTarget.put(root, "v1", false))
                .writer(root -> PutTarget.put(root, "v2", false))
                .reader(PutTarget::get, Optional.of("v1"), Optional.of("v2"))
                .claims(Guarantee.G1, Guarantee.G2)
                .claimsUnder(Guarantee.G3, "process-crash")
                .build();
    }
}
