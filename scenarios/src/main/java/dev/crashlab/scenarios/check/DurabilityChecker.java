package dev.crashlab.scenarios.check;

import dev.crashlab.reports.Guarantee;
import java.io.IOException;

/** G3: every put that returned before the crash point is there, with its value. */
final class DurabilityChecker implements Checker {

    private final Stores stores = new Stores();

    @Override
    public Guarantee guarantee() {
        return Guarantee.G3;
    }

    @Override
    public CheckResult check(CrashCase c) throws IOException {
        Findings findings = new Findings();
        for (ExpectedPut put : c.expected().puts()) {
            if (!put.returnedBefore(c.crashPoint())) {
                continue;
            }
            KeyReading r = c.onDisk(stores, put.key());
            findings.add(r.describe(), put.key() + ": " + KeyReading.show(put.value()),
                    r.value() != null && put.sameValue(r.value()));
        }
        return findings.isEmpty() ? c.pass(Guarantee.G3, "no put had returned", "anything")
                : findings.verdict(c, Guarantee.G3);
    }
}
