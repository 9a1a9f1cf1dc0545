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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What decides every crash state of a recording, and nothing else: the snapshot before, the
 * operations (temp-file names numbered by first appearance, since their random part is all that
 * differs between runs) and the checkers' expectations. Most workloads of the exhaustive bound are
 * a get, a refused put or a repeated put away from a shorter one and leave the same shape; judging
 * a shape once is what lets the campaign afford the whole bound.
 */
record TraceShape(Snapshot before, String digest) {

    private static final Pattern TEMP = Pattern.compile("(^|.*/)\\.([0-9a-f]{64})\\.[0-9a-f]+\\.tmp$");

    static TraceShape of(IoTrace trace, Expectations expected) {
        MessageDigest sha = sha256();
        Map<String, String> temps = new HashMap<>();
        for (IoOp op : trace.ops()) {
            text(sha, op.kind().name());
            text(sha, canonical(op.path(), temps));
            text(sha, op.target() == null ? "-" : canonical(op.target(), temps));
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

    private static String canonical(String path, Map<String, String> temps) {
        Matcher m = TEMP.matcher(path);
        if (!m.matches()) {
            return path;
        }
        return temps.computeIfAbsent(path, p -> m.group(1) + "." + m.group(2) + ".#" + temps.size() + ".tmp");
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
