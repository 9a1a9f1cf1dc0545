package dev.crashlab.faults.oracle;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Idioms an oracle shows crashlab still gets wrong, each with the reason. Such an idiom stays in
 * the suite and is reported as skipped with its difference, so the build passes while the
 * recording is being fixed; once it passes, the test fails until it is removed from here, so the
 * list never claims a gap that is gone.
 */
final class KnownGaps {

    static final Map<String, String> STRACE = gaps().done();

    static final Map<String, String> KILL = gaps().done();

    private KnownGaps() {
    }

    private static Builder gaps() {
        return new Builder();
    }

    /** Idiom name to reason, every name checked against the corpus so a typo cannot hide a gap. */
    private static final class Builder {
        private final Map<String, String> gaps = new java.util.LinkedHashMap<>();

        Builder because(String reason, String... idioms) {
            for (String idiom : idioms) {
                gaps.put(Corpus.named(idiom).name(), reason);
            }
            return this;
        }

        Map<String, String> done() {
            return Map.copyOf(gaps);
        }
    }

    /**
     * Passes, fails, or skips with the reason.
     *
     * @param failure what the oracle found wrong, or null if the idiom passed it
     */
    static void judge(Map<String, String> gaps, String oracle, String idiom, String failure) {
        String reason = gaps.get(idiom);
        if (failure == null && reason != null) {
            fail(idiom + " now passes the " + oracle + " oracle: remove it from KnownGaps."
                    + (gaps == STRACE ? "STRACE" : "KILL") + " (it was there because: " + reason + ")");
        }
        if (failure != null && reason == null) {
            fail(idiom + ": " + failure);
        }
        if (failure != null) {
            Assumptions.abort("known gap of the " + oracle + " oracle (" + reason + "):\n" + failure);
        }
    }
}
