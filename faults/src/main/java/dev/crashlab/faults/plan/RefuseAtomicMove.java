package dev.crashlab.faults.plan;

import dev.crashlab.faults.trace.OpKind;
import java.nio.file.AtomicMoveNotSupportedException;

/**
 * Every ATOMIC_MOVE is refused, as the JDK refuses one across file systems, while plain moves and
 * File.renameTo (which never asks for ATOMIC_MOVE) go through: the fault for code that falls back
 * to a plain move when the atomic one is refused. {@link CrossDeviceMove} is the whole situation.
 */
public record RefuseAtomicMove() implements FaultPlan {

    @Override
    public void before(Operation op) throws AtomicMoveNotSupportedException {
        if (op.kind() == OpKind.MOVE && op.atomic()) {
            throw new AtomicMoveNotSupportedException(op.path(), op.target(), "Invalid cross-device link");
        }
    }

    @Override
    public String toString() {
        return "refuse ATOMIC_MOVE";
    }
}
