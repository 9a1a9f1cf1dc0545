package study.sqlite;

import dev.crashlab.reports.Guarantee;
import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;

/** One committed insert, journal_mode=DELETE, synchronous=NORMAL. */
public class DeleteNormalTarget implements CrashTargetProvider {

    @Override
    public CrashTarget target() {
        return Sqlite.target("sqlite-delete-normal", "DELETE", "NORMAL")
                // NORMAL: "a very small (though non-zero) chance that a power failure at just the wrong time could
                // corrupt the database in journal_mode=DELETE on an older filesystem"
                .claimsUnder(Guarantee.G2, "process-crash", "ordered", "ext4-like")
                .claimsUnder(Guarantee.G3, "process-crash")
                .build();
    }
}
