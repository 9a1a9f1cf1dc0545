package dev.crashlab.scenarios.check;

import dev.crashlab.store.Durability.Guarantee;
import java.io.IOException;

/** An oracle for one guarantee over one crash state. */
public interface Checker {

    Guarantee guarantee();

    /** Judges the state; may read it, and (G5 only) write to it, so each case gets its own copy. */
    CheckResult check(CrashCase crashCase) throws IOException;
}
