package study.sqlite;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;

/** One committed insert, journal_mode=WAL, synchronous=NORMAL. */
public class WalNormalTarget implements CrashTargetProvider {

    @Override
    public CrashTarget target() {
        return Sqlite.target("sqlite-wal-normal", "WAL", "NORMAL")
                // WAL + NORMAL: "safe from corruption"; "a transaction committed ... might roll back following a
                // power loss or system crash"
                .claims(Guarantee.G2)
                .claimsUnder(Guarantee.G3, "process-crash")
                .build();
    }
}
