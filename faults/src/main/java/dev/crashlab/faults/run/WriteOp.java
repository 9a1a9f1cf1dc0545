package dev.crashlab.faults.run;

import dev.crashlab.faults.agent.boot.IoDispatch;
import dev.crashlab.faults.plan.FailAt;
import dev.crashlab.faults.plan.SimulatedCrash;
import dev.crashlab.faults.trace.OpKind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * A write about to happen: into a file through a channel, a stream or a RandomAccessFile, or into
 * memory. The bytes are copied up front so the trace can replay them and a plan can cut them.
 */
final class WriteOp extends Pending {

    enum Shape { CHANNEL, CHANNEL_AT, CHANNEL_GATHER, STREAM }

    private final Object self;
    private final Object[] args;
    private final Shape shape;
    private final byte[] data;
    private final long offset;
    private final Handles.Handle handle;
    private final boolean memory;

    WriteOp(Interceptor run, Object self, Object[] args, Shape shape, byte[] data, long offset,
            Handles.Handle handle) {
        super(run, OpKind.WRITE, handle == null ? self.getClass().getName() : handle.path);
        this.self = self;
        this.args = args;
        this.shape = shape;
        this.data = data;
        this.offset = offset;
        this.handle = handle;
        this.memory = handle == null;
    }

    @Override
    IoDispatch.Token begin() throws Throwable {
        if (!memory) {
            return super.begin();
        }
        try {
            run.plan().before(this);
        } catch (SimulatedCrash crash) {
            throw run.crashed(crash);
        }
        return writeLimit >= 0 ? partial() : this;
    }

    @Override
    boolean happened(Object returned) {
        return !memory;
    }

    @Override
    void afterPlan() {
        if (!memory) {
            super.afterPlan();
        }
    }

    @Override
    void record(Object returned) {
        int n = returned instanceof Number count ? count.intValue() : data.length;
        recordBytes(n);
    }

    private void recordBytes(int n) {
        if (memory || n <= 0) {
            return;
        }
        if (shape == Shape.STREAM) {
            handle.position = offset + n;
        }
        run.recorder().add(OpKind.WRITE, handle, offset, n, Arrays.copyOf(data, n));
    }

    @Override
    IoDispatch.Token partial() throws Throwable {
        int k = Math.min(writeLimit, data.length);
        if (k > 0) {
            writePrefix(k);
            recordBytes(k);
        }
        if (afterLimit != null) {
            throw afterLimit instanceof SimulatedCrash crash ? run.crashed(crash) : afterLimit;
        }
        return switch (shape) {
            case CHANNEL, CHANNEL_AT -> new Replaced(run, k);
            case CHANNEL_GATHER -> new Replaced(run, (long) k);
            case STREAM -> throw new IOException(FailAt.NO_SPACE);
        };
    }

    // The guard is held, so these nested calls reach the file system untouched.
    private void writePrefix(int k) throws IOException {
        switch (shape) {
            case CHANNEL -> {
                ByteBuffer src = (ByteBuffer) args[0];
                ByteBuffer part = ByteBuffer.wrap(data, 0, k);
                while (part.hasRemaining()) {
                    ((FileChannel) self).write(part);
                }
                src.position(src.position() + k);
            }
            case CHANNEL_AT -> {
                ByteBuffer src = (ByteBuffer) args[0];
                ByteBuffer part = ByteBuffer.wrap(data, 0, k);
                while (part.hasRemaining()) {
                    ((FileChannel) self).write(part, offset + part.position());
                }
                src.position(src.position() + k);
            }
            case CHANNEL_GATHER -> {
                ByteBuffer part = ByteBuffer.wrap(data, 0, k);
                while (part.hasRemaining()) {
                    ((FileChannel) self).write(part);
                }
                advance((ByteBuffer[]) args[0], (Integer) args[1], (Integer) args[2], k);
            }
            case STREAM -> {
                if (self instanceof RandomAccessFile file) {
                    file.write(data, 0, k);
                } else {
                    ((OutputStream) self).write(data, 0, k);
                }
            }
        }
    }

    private static void advance(ByteBuffer[] buffers, int from, int count, int bytes) {
        int left = bytes;
        for (int i = from; i < from + count && left > 0; i++) {
            int step = Math.min(left, buffers[i].remaining());
            buffers[i].position(buffers[i].position() + step);
            left -= step;
        }
    }

    @Override
    public int length() {
        return data.length;
    }

    @Override
    public boolean inMemory() {
        return memory;
    }

    @Override
    public String toString() {
        return memory ? "memory write of " + data.length + " bytes into " + path
                : super.toString() + " @" + offset + " +" + data.length;
    }
}
