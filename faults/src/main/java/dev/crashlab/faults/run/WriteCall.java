package dev.crashlab.faults.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * One intercepted write call as the target made it: the object, its arguments and the bytes they
 * carry (copied up front, so the trace can replay them and a plan can cut them). A plan that lets
 * only a prefix through has the prefix written through the same object, and the call return what
 * a short write returns.
 */
final class WriteCall {

    /** ENOSPC, as the JDK words it: what a full disk makes a stream's write throw. */
    private static final String NO_SPACE = "No space left on device";

    enum Shape { CHANNEL, CHANNEL_AT, CHANNEL_GATHER, STREAM }

    final Object self;
    final Object[] args;
    final Shape shape;
    final byte[] data;

    private WriteCall(Object self, Object[] args, Shape shape, byte[] data) {
        this.self = self;
        this.args = args;
        this.shape = shape;
        this.data = data;
    }

    /**
     * Decodes FileChannel.write (one buffer, at a position, gathering), OutputStream and
     * RandomAccessFile writes, DataOutput's String forms included; null when the arguments are such
     * that the JDK writes nothing and throws (a null array, a range outside it): the call then
     * passes untouched and fails as it would without crashlab.
     */
    static WriteCall of(String method, Object self, Object[] args) {
        if (self instanceof FileChannel) {
            if (args[0] == null) {
                return null;
            }
            if (args[0] instanceof ByteBuffer[] buffers) {
                return new WriteCall(self, args, Shape.CHANNEL_GATHER, gather(buffers, (Integer) args[1], (Integer) args[2]));
            }
            return new WriteCall(self, args, args.length == 2 ? Shape.CHANNEL_AT : Shape.CHANNEL,
                    remaining((ByteBuffer) args[0]));
        }
        byte[] data = bytes(method, args);
        return data == null ? null : new WriteCall(self, args, Shape.STREAM, data);
    }

    /**
     * Where this write lands: the descriptor's own offset where the JDK can tell (a channel's or a
     * file stream's position, a RandomAccessFile's pointer; right for descriptors shared between a
     * RandomAccessFile and a stream made from it), else the position the handle tracked.
     */
    long position(long trackedPosition) throws IOException {
        return switch (shape) {
            case CHANNEL_AT -> (Long) args[1];
            case CHANNEL, CHANNEL_GATHER -> ((FileChannel) self).position();
            case STREAM -> self instanceof RandomAccessFile file ? file.getFilePointer()
                    : self instanceof java.io.FileOutputStream stream ? stream.getChannel().position() : trackedPosition;
        };
    }

    /** Writes the first {@code k} bytes through the target's own object (the guard is held: not intercepted). */
    void writePrefix(int k, long offset) throws IOException {
        switch (shape) {
            case CHANNEL -> {
                ByteBuffer part = ByteBuffer.wrap(data, 0, k);
                while (part.hasRemaining()) {
                    ((FileChannel) self).write(part);
                }
                ByteBuffer src = (ByteBuffer) args[0];
                src.position(src.position() + k);
            }
            case CHANNEL_AT -> {
                ByteBuffer part = ByteBuffer.wrap(data, 0, k);
                while (part.hasRemaining()) {
                    ((FileChannel) self).write(part, offset + part.position());
                }
                ByteBuffer src = (ByteBuffer) args[0];
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

    /** What the cut call returns: a channel returns short; a stream cannot, so it fails as a full disk does. */
    Object shortResult(int k) throws IOException {
        return switch (shape) {
            case CHANNEL, CHANNEL_AT -> k;
            case CHANNEL_GATHER -> (long) k;
            case STREAM -> throw new IOException(NO_SPACE);
        };
    }

    /**
     * The bytes that reach the file: RandomAccessFile.writeBytes(String) writes each char's low
     * byte, writeChars(String) each char's two bytes, high first (on 17 both go to a native method
     * advice cannot reach, so they are recorded as the String calls they are).
     */
    private static byte[] bytes(String method, Object[] args) {
        if (args[0] instanceof Integer b) {
            return new byte[] {(byte) (int) b};
        }
        if (args[0] instanceof String s) {
            return method.equals("writeChars") ? chars(s) : lowBytes(s);
        }
        if (!(args[0] instanceof byte[] all)) {
            return null;
        }
        if (args.length >= 3 && args[1] instanceof Integer off && args[2] instanceof Integer len) {
            return off < 0 || len < 0 || off > all.length - len ? null : java.util.Arrays.copyOfRange(all, off, off + len);
        }
        return all.clone();
    }

    private static byte[] lowBytes(String s) {
        byte[] out = new byte[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) s.charAt(i);
        }
        return out;
    }

    private static byte[] chars(String s) {
        byte[] out = new byte[2 * s.length()];
        for (int i = 0; i < s.length(); i++) {
            out[2 * i] = (byte) (s.charAt(i) >>> 8);
            out[2 * i + 1] = (byte) s.charAt(i);
        }
        return out;
    }

    private static byte[] remaining(ByteBuffer src) {
        byte[] out = new byte[src.remaining()];
        src.duplicate().get(out);
        return out;
    }

    private static byte[] gather(ByteBuffer[] buffers, int from, int count) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (int i = from; i < from + count; i++) {
            byte[] part = remaining(buffers[i]);
            all.write(part, 0, part.length);
        }
        return all.toByteArray();
    }

    private static void advance(ByteBuffer[] buffers, int from, int count, int bytes) {
        int left = bytes;
        for (int i = from; i < from + count && left > 0; i++) {
            int step = Math.min(left, buffers[i].remaining());
            buffers[i].position(buffers[i].position() + step);
            left -= step;
        }
    }
}
