package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;
import dev.crashlab.faults.plan.SimulatedCrash;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * crashlab's own failures inside an intercepted call. The target must never see one as if it were
 * its own: the call then goes on as the JDK makes it, unrecorded, and the run ends in an error
 * naming crashlab (its trace is incomplete, so nothing may be judged on it). Only a call's I/O
 * outcome reaches the target: an I/O error (injected by the plan or real) or the simulated crash.
 */
final class OwnFailures {

    private final AtomicReference<Throwable> first = new AtomicReference<>();

    /** Whether {@code t} is what the call itself ended with, rather than a failure of crashlab's. */
    static boolean isOutcome(Throwable t) {
        return t instanceof IOException || t instanceof SimulatedCrash;
    }

    void add(Throwable t) {
        first.compareAndSet(null, t);
    }

    Throwable first() {
        return first.get();
    }

    /** {@code token}, whose exit and constructed hand crashlab's failures here instead of to the target. */
    IoDispatch.Token checked(IoDispatch.Token token) {
        if (token == null) {
            return null;
        }
        Checked checked = new Checked(token, this);
        return token instanceof IoDispatch.Skip ? new CheckedSkip(checked) : checked;
    }

    private Object exit(IoDispatch.Token token, Object returned, Throwable thrown) throws Throwable {
        try {
            return token.exit(returned, thrown);
        } catch (Throwable t) {
            if (t == thrown || isOutcome(t)) {
                throw t;
            }
            add(t);
            if (thrown != null) {
                throw thrown;
            }
            return returned;
        }
    }

    private void constructed(IoDispatch.Token token, Object self) throws Throwable {
        try {
            token.constructed(self);
        } catch (Throwable t) {
            if (isOutcome(t)) {
                throw t;
            }
            add(t);
        }
    }

    private static final class Checked extends IoDispatch.Token {
        private final IoDispatch.Token token;
        private final OwnFailures failures;

        Checked(IoDispatch.Token token, OwnFailures failures) {
            this.token = token;
            this.failures = failures;
        }

        @Override
        public Object exit(Object returned, Throwable thrown) throws Throwable {
            return failures.exit(token, returned, thrown);
        }

        @Override
        public void constructed(Object self) throws Throwable {
            failures.constructed(token, self);
        }
    }

    /** The same for a call the run carries out itself: the advice skips the JDK's body on its type. */
    private static final class CheckedSkip extends IoDispatch.Skip {
        private final Checked checked;

        CheckedSkip(Checked checked) {
            this.checked = checked;
        }

        @Override
        public Object exit(Object returned, Throwable thrown) throws Throwable {
            return checked.exit(returned, thrown);
        }
    }
}
