package dev.crashlab.faults.oracle;

import dev.crashlab.faults.run.Run;
import dev.crashlab.faults.run.RunResult;
import dev.crashlab.faults.trace.IoTrace;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The strace oracle's child: records each idiom named on the command line in its own root under
 * {@code base} and writes, per idiom, what crashlab recorded in {@link FileOps} lines next to the
 * listing. The body runs between two marker opens so that the strace log can be cut per idiom.
 *
 * <p>Arguments: the output directory, the base directory, then idiom names.
 */
final class RecordChild {

    private RecordChild() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path base = Path.of(args[1]).toRealPath();
        for (String name : Arrays.asList(args).subList(2, args.length)) {
            Files.write(out.resolve(name + ".txt"), record(Corpus.named(name), base), StandardCharsets.UTF_8);
        }
    }

    static String marker(String when, String idiom) {
        return ".oracle-mark-" + when + "-" + idiom;
    }

    private static List<String> record(Idiom idiom, Path base) {
        List<String> lines = new ArrayList<>();
        try {
            Path root = Files.createDirectory(base.resolve(idiom.name())).toRealPath();
            idiom.setUp().run(root);
            RunResult result = Run.in(root).checkComplete().go(() -> {
                mark(base, marker("begin", idiom.name()));
                try {
                    idiom.body().run(root);
                } finally {
                    mark(base, marker("end", idiom.name()));
                }
            });
            IoTrace trace = result.trace();
            trace.before().directories().forEach(d -> lines.add("dir " + d));
            trace.before().files().forEach((f, bytes) -> lines.add("file " + f + " " + bytes.length));
            if (result.thrown() != null) {
                lines.add("problem the idiom threw " + result.thrown());
            }
            result.unseen().forEach(u -> lines.add("problem crashlab refuses the trace as incomplete: " + u));
            trace.ops().forEach(op -> lines.add("listing " + op.describe()));
            RecordedOps.of(trace).forEach(op -> lines.add("op " + op));
        } catch (Throwable t) {
            lines.add("problem " + t);
            for (StackTraceElement e : t.getStackTrace()) {
                lines.add("problem     at " + e);
            }
        }
        return lines;
    }

    /** An open of a file that does not exist, outside the root: visible to strace, invisible to crashlab. */
    private static void mark(Path base, String name) throws Exception {
        try (InputStream in = Files.newInputStream(base.resolve(name))) {
            throw new IllegalStateException("marker " + name + " exists");
        } catch (NoSuchFileException expected) {
            // the open reached the kernel, which is all a marker is for
        }
    }
}
