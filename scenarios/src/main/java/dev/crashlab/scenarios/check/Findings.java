package dev.crashlab.scenarios.check;

import dev.crashlab.reports.Guarantee;
import java.util.ArrayList;
import java.util.List;

/** What a checker saw and allowed, key by key, folded into one verdict. */
final class Findings {

    private final List<String> seen = new ArrayList<>();
    private final List<String> allowed = new ArrayList<>();
    private boolean ok = true;

    void add(String seenHere, String allowedHere, boolean okHere) {
        seen.add(seenHere);
        allowed.add(allowedHere);
        ok &= okHere;
    }

    boolean isEmpty() {
        return seen.isEmpty();
    }

    CheckResult verdict(CrashCase c, Guarantee g) {
        String s = String.join(", ", seen);
        String a = String.join(", ", allowed);
        return ok ? c.pass(g, s, a) : c.broken(g, s, a);
    }
}
