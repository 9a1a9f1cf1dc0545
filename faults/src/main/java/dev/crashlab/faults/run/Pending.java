package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;
import dev.crashlab.faults.plan.Operation;
import dev.crashlab.faults.plan.SimulatedCrash;
import dev.crashlab.faults.trace.OpKind;
import java.io.IOException;

/**
 * One intercepted in-scope operation, from the plan's verdict to the trace. The guard stays set
 * from {@link #begin()} until {@link #exit}, so whatever the JDK calls inside the operation is not
 * mistaken for more of the target's I/O.
 */
abstract class Pending extends IoDispatch.Token implements Operation {

    final ActiveRun run;
    final OpKind kind;
    final String path;
    private final String target;
    private final boolean atomic;
    private int index = -1;
    int writeLimit = -1;
    Throwable afterLimit;

    Pending(ActiveRun run, OpKind kind, String path, String target, boolean atomic) {
        this.run = run;
        this.kind = kind;
        this.path = path;
        this.target = target;
        this.atomic = atomic;
    }

    /** Asks the plan, then lets the operation run (returns this) or replaces it (returns a Skip). */
    IoDispatch.Token begin() throws Throwable {
        run.liveness().checkAlive();
        index = run.liveness().nextIndex(run.recorder());
        try {
            run.plan().before(this);
        } catch (SimulatedCrash crash) {
            throw run.liveness().crashed(crash);
        } catch (IOException failure) {
            run.liveness().injectedFailure();
            return refuse(failure);
        }
        if (writeLimit >= 0) {
            return partial();
        }
        return this;
    }

    @Override
    public Object exit(Object returned, Throwable thrown) throws Throwable {
        run.threads().unguard();
        if (thrown != null) {
            throw thrown;
        }
        if (happened(returned)) {
            run.threads().guard();
            try {
                record(returned);
            } finally {
                run.threads().unguard();
            }
            afterPlan();
        }
        return returned;
    }

    void afterPlan() {
        try {
            run.plan().after(this);
        } catch (SimulatedCrash crash) {
            throw run.liveness().crashed(crash);
        }
    }

    /** Whether the call's result says the operation took place (e.g. File.delete returned true). */
    boolean happened(Object returned) {
        return true;
    }

    abstract void record(Object returned) throws IOException;

    /** The plan failed the operation: most methods throw, File's boolean ones return false. */
    IoDispatch.Token refuse(IOException failure) throws IOException {
        throw failure;
    }

    IoDispatch.Token partial() throws Throwable {
        throw new UnsupportedOperationException(kind + " " + path + " cannot be cut short");
    }

    /** A write the plan cut: its prefix goes through (and is {@code recorded}), then the plan's throwable or a short return. */
    IoDispatch.Token cut(WriteCall call, long offset, java.util.function.IntConsumer recorded) throws Throwable {
        int k = Math.min(writeLimit, call.data.length);
        if (k > 0) {
            call.writePrefix(k, offset);
            recorded.accept(k);
        } else if (!inMemory()) {
            run.liveness().injectedFailure(); // nothing recorded: the retry must be another operation
        }
        if (afterLimit != null) {
            throw afterLimit instanceof SimulatedCrash crash ? run.liveness().crashed(crash) : afterLimit;
        }
        return new Replaced(run, call.shortResult(k));
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public OpKind kind() {
        return kind;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public int length() {
        return -1;
    }

    @Override
    public boolean atomic() {
        return atomic;
    }

    @Override
    public boolean inMemory() {
        return false;
    }

    @Override
    public boolean crossesFileStores() {
        return false;
    }

    @Override
    public void writeOnly(int bytes, Throwable then) {
        writeLimit = Math.max(0, bytes);
        afterLimit = then;
    }

    @Override
    public void pause(Runnable callback) {
        run.pauses().pause(index, callback);
    }

    @Override
    public String toString() {
        return "#" + index + " " + kind + " " + path + (target == null ? "" : " -> " + target);
    }

    /** The result of an operation the harness performed itself, or refused. */
    static final class Replaced extends IoDispatch.Skip {
        private final ActiveRun run;
        private final Object result;

        Replaced(ActiveRun run, Object result) {
            this.run = run;
            this.result = result;
        }

        @Override
        public Object exit(Object returned, Throwable thrown) throws Throwable {
            run.threads().unguard();
            if (thrown != null) {
                throw thrown;
            }
            return result;
        }
    }
}
