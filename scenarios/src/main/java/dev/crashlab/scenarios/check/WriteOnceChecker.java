package dev.crashlab.scenarios.check;

import dev.crashlab.reports.Guarantee;
import java.io.IOException;

/**
 * G4: a key never shows a value other than the one its first put wrote; a later put of another
 * value must fail, not replace it. Absent and invalid entries are G3's and G2's business.
 */
final class WriteOnceChecker implements Checker {

    private final Stores stores = new Stores();

    @Override
    public Guarantee guarantee() {
        return Guarantee.G4;
    }

    @Override
    public CheckResult check(CrashCase c) throws IOException {
        Findings findings = new Findings();
        for (String key : c.keys()) {
            ExpectedPut first = c.expected().firstPut(key).orElseThrow();
            KeyReading r = c.onDisk(stores, key);
            findings.add(r.describe(), key + ": " + KeyReading.show(first.value()) + " if anything",
                    r.value() == null || first.sameValue(r.value()));
        }
        return findings.verdict(c, Guarantee.G4);
    }
}
