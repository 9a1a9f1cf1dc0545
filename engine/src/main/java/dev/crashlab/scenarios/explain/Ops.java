package dev.crashlab.scenarios.explain;

import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.OpKind;

/** How an operation is named in an explanation: short, with its source line. */
final class Ops {

    private Ops() {
    }

    static String brief(IoOp op) {
        String what = "#" + op.index() + " " + op.kind() + " " + name(op.path())
                + (op.target() == null ? "" : " -> " + name(op.target()))
                + (op.kind() == OpKind.WRITE ? " @" + op.offset() + " +" + op.length() + " bytes" : "");
        return op.site() == null ? what : what + "  at " + op.site();
    }

    static String name(String path) {
        return path.isEmpty() ? "." : path;
    }

    /** "before Checkpoint.write(Checkpoint.java:28)", or "" where the operation has no site. */
    static String at(String preposition, IoOp op) {
        return op.site() == null ? preposition + " #" + op.index() : preposition + " " + op.site();
    }

    static boolean publishes(IoOp op) {
        return op.kind() == OpKind.MOVE || op.kind() == OpKind.LINK;
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
