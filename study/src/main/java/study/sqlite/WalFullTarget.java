package study.sqlite;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;

/** One committed insert, journal_mode=WAL, synchronous=FULL. */
public class WalFullTarget implements CrashTargetProvider {

    @Override
    public CrashTarget target() {
        return Sqlite.target("sqlite-wal-full", "WAL", "FULL")
                // WAL + FULL: "the WAL file is synchronized before each transaction commit ... ensures durability"
                .claims(Guarantee.G2, Guarantee.G3)
                .build();
    }
}
