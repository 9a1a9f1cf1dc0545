package dev.crashlab.scenarios.check;

import dev.crashlab.reports.Guarantee;
import java.io.IOException;
import java.util.List;

/**
 * G1 and G2: every key's entry is absent or exactly a value a put of that key had begun writing.
 * An entry the reference reader rejects as invalid (torn, empty, zero-filled) is a violation: it
 * is the partial entry these guarantees forbid, whatever a lenient reader would make of it.
 *
 * <p>On process-crash states this is G1 too: such a state is exactly what a reader sees at that
 * moment, the page cache included.
 */
public final class AtomicityChecker implements Checker {

    private final Stores stores = new Stores();

    private final Guarantee guarantee;

    /** For G1 or G2. */
    public AtomicityChecker(Guarantee guarantee) {
        if (guarantee != Guarantee.G1 && guarantee != Guarantee.G2) {
            throw new IllegalArgumentException("atomicity is G1 or G2, not " + guarantee);
        }
        this.guarantee = guarantee;
    }

    @Override
    public Guarantee guarantee() {
        return guarantee;
    }

    @Override
    public CheckResult check(CrashCase c) throws IOException {
        Findings findings = new Findings();
        for (String key : c.keys()) {
            KeyReading r = c.onDisk(stores, key);
            List<ExpectedPut> started = c.expected().startedPuts(key, c.crashPoint());
            findings.add(r.describe(), key + ": absent" + (started.isEmpty() ? "" : " or " + KeyReading.values(started)),
                    r.absent() || r.holdsOneOf(started));
        }
        return findings.verdict(c, guarantee);
    }
}
