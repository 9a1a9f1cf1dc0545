package dev.crashlab.faults.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Idioms run once in one child JVM under strace, each recorded by crashlab at the same time
 * ({@link RecordChild}): per idiom, what crashlab recorded and what the kernel was asked to do, in
 * {@link FileOps} lines. One child for many idioms: the instrumentation takes about a second to
 * install in a JVM, an idiom milliseconds.
 */
final class TracedChild {

    /** One idiom's two sides; {@code problems} are the recording's own complaints (thrown, unseen, incomplete). */
    record Sides(List<String> recorded, List<String> kernel, List<String> problems, List<String> listing) {
    }

    private final Map<String, Sides> sides = new LinkedHashMap<>();

    private TracedChild() {
    }

    static TracedChild run(Strace strace, Path tmp, List<Idiom> idioms) throws IOException, InterruptedException {
        Path base = Files.createDirectory(tmp.resolve("roots")).toRealPath();
        Path out = Files.createDirectory(tmp.resolve("recorded"));
        Path log = tmp.resolve("strace.log");
        List<String> args = new ArrayList<>(List.of(out.toString(), base.toString()));
        idioms.forEach(i -> args.add(i.name()));
        Process child = new ProcessBuilder(strace.around(log, ChildJvm.command(RecordChild.class, args)))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = child.waitFor(300, TimeUnit.SECONDS);
        Elsewhere.clean(base);
        assertTrue(finished, "the traced child did not finish: " + output);
        assertEquals(0, child.exitValue(), () -> "the traced child failed:\n" + output);
        List<String> calls = StraceLog.read(log);
        TracedChild traced = new TracedChild();
        for (Idiom idiom : idioms) {
            traced.sides.put(idiom.name(), sides(idiom, base.resolve(idiom.name()), out.resolve(idiom.name() + ".txt"), calls));
        }
        return traced;
    }

    Sides of(String idiom) {
        return sides.get(idiom);
    }

    private static Sides sides(Idiom idiom, Path root, Path recorded, List<String> calls) throws IOException {
        Map<String, List<String>> sections = sections(Files.readAllLines(recorded, StandardCharsets.UTF_8));
        Map<String, Long> filesBefore = new LinkedHashMap<>();
        sections.get("file").forEach(f -> filesBefore.put(f.substring(0, f.lastIndexOf(' ')),
                Long.parseLong(f.substring(f.lastIndexOf(' ') + 1))));
        List<String> problems = new ArrayList<>(sections.get("problem"));
        List<String> kernel;
        try {
            kernel = StraceOps.between(calls, RecordChild.marker("begin", idiom.name()), RecordChild.marker("end", idiom.name()),
                    root, filesBefore, new TreeSet<>(sections.get("dir")));
        } catch (RuntimeException e) {
            kernel = List.of();
            problems.add("reading strace's log failed: " + e);
        }
        return new Sides(sections.get("op"), kernel, problems, sections.get("listing"));
    }

    /** The child's lines by their first word: op, listing, file, dir, problem. */
    private static Map<String, List<String>> sections(List<String> lines) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        for (String key : List.of("op", "listing", "file", "dir", "problem")) {
            sections.put(key, new ArrayList<>());
        }
        for (String line : lines) {
            int space = line.indexOf(' ');
            sections.get(line.substring(0, space)).add(line.substring(space + 1));
        }
        return sections;
    }
}
