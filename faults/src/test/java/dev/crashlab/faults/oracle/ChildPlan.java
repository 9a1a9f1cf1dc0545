package dev.crashlab.faults.oracle;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An oracle child's plan file: one line per directory under the base, "dir TAB idiom [TAB more]".
 * Reading it sets every idiom up in its directory, before anything is recorded.
 */
final class ChildPlan {

    /** One planned directory: its idiom, its root, and the line's further fields. */
    record Line(String dir, Idiom idiom, Path root, String[] fields) {
    }

    private ChildPlan() {
    }

    static Map<String, Line> setUp(Path base, Path plan) throws Exception {
        Map<String, Line> lines = new LinkedHashMap<>();
        for (String line : Files.readAllLines(plan, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            Path root = Files.createDirectory(base.resolve(f[0]));
            Idiom idiom = Corpus.named(f[1]);
            idiom.setUp().run(root);
            lines.put(f[0], new Line(f[0], idiom, root, f));
        }
        return lines;
    }
}
