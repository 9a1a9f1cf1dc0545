package dev.crashlab.scenarios.campaign;

import dev.crashlab.faults.crash.Provenance;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.scenarios.workload.Workload;

/**
 * The smallest scenario found that breaks a guarantee, in the form a person can act on: the
 * workload, the fault and where it struck, the numbered I/O trace with the crash or pause point
 * marked, how the state came about and what it left on disk, what the reader saw against what was
 * allowed, the target's source line, and the token that replays it.
 *
 * @param trace      the recorded trace, or null where the fault had none (a race)
 * @param point      operations that had happened at the crash or pause; -1 when not applicable
 * @param paused     true when the writer was paused at {@code point} rather than crashed
 * @param provenance how a crash state came about; null without one
 * @param stateLeft  the files left on disk, or ""
 * @param notes      anything else worth reading (a step history, a race), or ""
 */
public record Counterexample(Cell cell, Workload workload, String fault, IoTrace trace, int point, boolean paused,
                             Provenance provenance, String stateLeft, String seen, String allowed, String site,
                             String seed, String notes) {

    /** Workload steps: the matrix test asserts counterexamples stay small. */
    public int steps() {
        return workload.size();
    }

    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(cell.target()).append(' ').append(cell.guarantee()).append(" under ").append(cell.context()).append('\n');
        out.append("  workload : ").append(workload.size() == 0 ? "(none)" : workload).append('\n');
        out.append("  fault    : ").append(fault).append('\n');
        out.append("  seen     : ").append(seen).append('\n');
        out.append("  allowed  : ").append(allowed).append('\n');
        out.append("  at       : ").append(site == null ? "(no frame of the target)" : site).append('\n');
        out.append("  replay   : ./crashlab replay ").append(seed).append('\n');
        if (provenance != null && trace != null) {
            out.append(indent(provenance.describe(trace)));
        } else if (trace != null && point >= 0) {
            out.append(indent(trace.listing(point).replace("crash here", paused ? "writer paused here, reader ran" : "crash here")));
        }
        if (!stateLeft.isEmpty()) {
            out.append("  state left on disk:\n").append(indent(indent(stateLeft)));
        }
        if (!notes.isEmpty()) {
            out.append(indent(notes));
        }
        return out.toString();
    }

    private static String indent(String block) {
        return "  " + block.strip().replace("\n", "\n  ") + "\n";
    }
}
