package dev.crashlab.faults.crash;

import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How a crash state came about, so a report can explain it: the model, the crash point, and the
 * fate of every operation before it that changes bytes (syncs and closes change none and are
 * left out). The first way the exploration reached a state is kept; {@code exploration} says
 * whether it came from exhaustive enumeration, an ALICE-style pass, or a seeded sample.
 *
 * @param model       the persistence model's name
 * @param crashPoint  how many operations happened before the crash
 * @param persisted   indexes of operations that reached the disk whole
 * @param dropped     indexes of operations that happened but were lost
 * @param torn        writes of which only some sectors reached the disk
 * @param exploration e.g. {@code exhaustive}, {@code omit/tear one}, {@code sampled, seed 42}
 */
public record Provenance(String model, int crashPoint, List<Integer> persisted, List<Integer> dropped,
                         SortedMap<Integer, Tear> torn, String exploration) {

    public Provenance {
        // A state's provenance as the exploration builds it shares the trace's indexes, unboxed.
        persisted = persisted instanceof Indexes ? persisted : List.copyOf(persisted);
        dropped = List.copyOf(dropped);
        torn = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(torn));
    }

    /**
     * One line, e.g. {@code weakest-posix, crash after #3: persisted #0 #2; dropped #1;
     * torn #3 (sectors 0-0 of 2 (4096 B) written, rest zero) [exhaustive]}.
     */
    public String summary() {
        StringBuilder out = new StringBuilder(model).append(", ")
                .append(crashPoint == 0 ? "crash before #0" : "crash after #" + (crashPoint - 1))
                .append(": persisted ").append(list(persisted));
        if (!dropped.isEmpty()) {
            out.append("; dropped ").append(list(dropped));
        }
        for (Map.Entry<Integer, Tear> t : torn.entrySet()) {
            out.append("; torn #").append(t.getKey()).append(" (").append(t.getValue().describe()).append(')');
        }
        return out.append(" [").append(exploration).append(']').toString();
    }

    /** The trace's listing with each operation's fate in front of it. */
    public String describe(IoTrace trace) {
        StringBuilder out = new StringBuilder(summary()).append('\n');
        for (IoOp op : trace.ops()) {
            int i = op.index();
            String mark = i >= crashPoint ? "never  " : dropped.contains(i) ? "LOST   "
                    : torn.containsKey(i) ? "TORN   " : "ok     ";
            out.append("  ").append(mark).append(op.describe());
            if (torn.containsKey(i)) {
                out.append("  <- ").append(torn.get(i).describe());
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String list(List<Integer> indexes) {
        return indexes.isEmpty() ? "nothing" : indexes.stream().map(i -> "#" + i).collect(Collectors.joining(" "));
    }
}
