package dev.crashlab.scenarios.explain;

import dev.crashlab.faults.crash.TraceFacts;
import dev.crashlab.faults.trace.IoOp;
import java.util.HashMap;
import java.util.Map;

/** Which file each name denotes, replayed up to a point of the trace (the directory-entry half of TraceFacts). */
final class Names {

    private final Map<String, Integer> names = new HashMap<>();

    private Names() {
    }

    /** The names after the first {@code count} operations, as TraceFacts numbers files. */
    static Names after(TraceFacts facts, int count) {
        Names n = new Names();
        int initial = 0;
        for (String file : facts.trace().before().files().keySet()) {
            n.names.put(file, initial++);
        }
        for (int i = 0; i < count; i++) {
            IoOp op = facts.op(i);
            int inode = facts.inode(i);
            switch (op.kind()) {
                case CREATE -> n.names.put(op.path(), inode);
                case MOVE -> {
                    Integer moved = n.names.remove(op.path());
                    if (moved != null) {
                        n.names.put(op.target(), moved);
                    }
                }
                case LINK -> n.names.put(op.target(), n.names.getOrDefault(op.path(), inode));
                case DELETE -> n.names.remove(op.path());
                default -> { }
            }
        }
        return n;
    }

    Integer file(String name) {
        return names.get(name);
    }

    boolean exists(String name) {
        return names.containsKey(name);
    }
}
