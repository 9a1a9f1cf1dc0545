package study.sqlite;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;

/** One committed insert, journal_mode=DELETE, synchronous=FULL. */
public class DeleteFullTarget implements CrashTargetProvider {

    @Override
    public CrashTarget target() {
        return Sqlite.target("sqlite-delete-full", "DELETE", "FULL")
                // FULL: "an operating system crash or power failure will not corrupt the database"; only EXTRA also
                // syncs the directory after the journal is unlinked, "additional durability if the commit is
                // followed closely by a power loss"
                .claims(Guarantee.G2)
                .claimsUnder(Guarantee.G3, "process-crash")
                .build();
    }
}
