package dev.crashlab.scenarios.campaign;

import dev.crashlab.faults.trace.IoOp;
import dev.crashlab.faults.trace.IoTrace;
import dev.crashlab.faults.trace.Snapshot;
import dev.crashlab.scenarios.check.ExpectedPut;
import dev.crashlab.scenarios.check.Expectations;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What decides every crash state of a recording, and nothing else: the snapshot before, the
 * operations and the checkers' expectations. A recording's temp-file names are already numbered by
 * first appearance ({@link StableNames}), so two runs of one workload have the same shape. Most workloads of the exhaustive bound are
 * a get, a refused put or a repeated put away from a shorter one and leave the same shape; judging
 * a shape once is what lets the campaign afford the whole bound.
 */
record TraceShape(Snapshot before, String digest) {

    static TraceShape of(IoTrace trace, Expectations expected) {
        MessageDigest sha = sha256();
        for (IoOp op : trace.ops()) {
            text(sha, op.kind().name());
            text(sha, op.path());
            text(sha, op.target() == null ? "-" : op.target());
            sha.update(ByteBuffer.allocate(17).putLong(op.offset()).putLong(op.length())
                    .put((byte) (op.atomic() ? 1 : 0)).array());
            byte[] data = op.data();
            sha.update(ByteBuffer.allocate(4).putInt(data == null ? -1 : data.length).array());
            if (data != null) {
                sha.update(data);
            }
        }
        text(sha, expected.durability() + "/" + expected.protocol() + "/" + expected.reader());
        for (ExpectedPut p : expected.puts()) {
            text(sha, p.key() + "@" + p.firstOp() + ".." + p.endOp() + (p.acknowledged() ? "+" : "-"));
            sha.update(p.value());
        }
        return new TraceShape(trace.before(), HexFormat.of().formatHex(sha.digest()));
    }

    private static void text(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(b.length).array());
        sha.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
