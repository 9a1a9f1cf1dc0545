package dev.crashlab.scenarios.campaign;

import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recorded trace with the store's random temp-file nonces numbered in order of appearance
 * ({@code .HASH.0000000000000001.tmp}), so the same seed prints the same counterexample on every
 * run and a replay shows the very names of the original. Still a temp name to the store, and
 * renamed consistently through the trace, so crash states built from it mean the same.
 */
final class StableNames {

    private static final Pattern TEMP = Pattern.compile("(^|.*/)\\.([0-9a-f]{64})\\.([0-9a-f]{16})\\.tmp$");

    private StableNames() {
    }

    static IoTrace of(IoTrace trace) {
        Map<String, String> names = new HashMap<>();
        boolean changed = false;
        List<IoOp> ops = new java.util.ArrayList<>(trace.size());
        for (IoOp op : trace.ops()) {
            String path = rename(op.path(), names);
            String target = op.target() == null ? null : rename(op.target(), names);
            if (path.equals(op.path()) && (target == null || target.equals(op.target()))) {
                ops.add(op);
            } else {
                changed = true;
                ops.add(op.withNames(path, target));
            }
        }
        return changed ? new IoTrace(trace.before(), ops) : trace;
    }

    /** Most paths are no temp file, and a temp file's every operation names it again: the pattern is the last resort. */
    private static String rename(String path, Map<String, String> names) {
        String known = names.get(path);
        if (known != null) {
            return known;
        }
        if (!path.endsWith(".tmp")) {
            return path;
        }
        Matcher m = TEMP.matcher(path);
        if (!m.matches()) {
            return path;
        }
        // Not String.format: parsing its pattern, once per temp file of every recording, was most of this class's cost.
        String number = Long.toHexString(names.size() + 1L);
        String stable = m.group(1) + "." + m.group(2) + "." + "0".repeat(16 - number.length()) + number + ".tmp";
        names.put(path, stable);
        return stable;
    }
}
