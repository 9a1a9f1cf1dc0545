package dev.crashlab.faults.plan;

import dev.crashlab.faults.trace.OpKind;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;

/**
 * Every move is across file systems, as when the temp file lives on tmpfs and the destination on
 * disk: rename(2) fails with EXDEV, and each API does what it does then. File.renameTo returns
 * false; Files.move with ATOMIC_MOVE throws AtomicMoveNotSupportedException; Files.move without it
 * copies (unlink the destination for REPLACE_EXISTING, create it exclusively, transfer the bytes)
 * and unlinks the source, each step an operation a crash or a reader can land between.
 *
 * @param chunk bytes per write of the copy; {@link #WHOLE} copies in one write, as the JDK's
 *              sendfile or copy_file_range does; smaller chunks add points inside the transfer
 */
public record CrossDeviceMove(int chunk) implements FaultPlan {

    public static final int WHOLE = Integer.MAX_VALUE;

    public CrossDeviceMove {
        if (chunk <= 0) {
            throw new IllegalArgumentException("chunk must be positive, got " + chunk);
        }
    }

    public CrossDeviceMove() {
        this(WHOLE);
    }

    @Override
    public int copyChunk(Operation move) {
        return move.atomic() || move.renameTo() ? 0 : chunk;
    }

    @Override
    public void before(Operation op) throws FileSystemException {
        if (op.kind() != OpKind.MOVE) {
            return;
        }
        if (op.atomic()) {
            throw new AtomicMoveNotSupportedException(op.path(), op.target(), "Invalid cross-device link");
        }
        if (op.renameTo()) {
            throw new FileSystemException(op.path(), op.target(), "Invalid cross-device link");
        }
    }

    @Override
    public String toString() {
        return "cross-device move" + (chunk == WHOLE ? "" : " (copied in " + chunk + "-byte chunks)");
    }
}
