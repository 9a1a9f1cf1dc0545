package dev.crashlab.faults.plan;

import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.OpKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Every point of a fault-free trace: run the workload once with no fault, then once per plan
 * returned here to cover all of them.
 */
final class CrashPoints {

    private CrashPoints() {
    }

    /** A crash before each operation, after the last, and inside each write after every K in 1..len-1. */
    public static List<FaultPlan> every(IoTrace trace) {
        List<FaultPlan> plans = new ArrayList<>();
        for (IoOp op : trace.ops()) {
            plans.add(new CrashBefore(op.index()));
            if (op.kind() == OpKind.WRITE) {
                for (int k = 1; k < op.length(); k++) {
                    plans.add(new CrashInsideWrite(op.index(), k));
                }
            }
        }
        if (trace.size() > 0) {
            plans.add(new CrashAfter(trace.size() - 1));
        }
        return plans;
    }

    /** One plan per operation of the trace, e.g. {@code i -> new PauseAt(i, reader)} or {@code FailAt::noSpace}. */
    public static List<FaultPlan> eachOperation(IoTrace trace, IntFunction<FaultPlan> planAt) {
        List<FaultPlan> plans = new ArrayList<>();
        for (int i = 0; i < trace.size(); i++) {
            plans.add(planAt.apply(i));
        }
        return plans;
    }
}
