package dev.crashlab.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every check, merge, report and replay example of the README, of the pages under docs/ and of
 * {@code ./crashlab --help}
 * runs and exits 0, so a user who copies one gets what it promises. Each campaign check runs on a
 * budget of a few workloads per target (the option, not the run, is what is documented), paths go to
 * a temporary folder, and examples with placeholders (CLASS, DIR, ...) are left out.
 */
class DocumentedExamplesTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /** This build's folder name (target, or crashlab.build's): where this class was compiled to. */
    static final String BUILD = buildFolder();
    static final Pattern CODE_SPAN = Pattern.compile("`(\\./crashlab [^`]*)`");
    static final Pattern HELP_LINE = Pattern.compile("(\\./crashlab (?:check|merge|report|replay|--version)[^\\n]*)");
    static final Set<String> RUN = Set.of("check", "merge", "report", "replay", "--version");
    /** The fewest workloads per target with which every seeded bug is still caught, so a campaign exits 0. */
    static final String BUDGET = "5";

    @TempDir
    Path tmp;

    @Test
    void everyDocumentedExampleRunsAndExitsZero() throws IOException {
        List<List<String>> examples = new ArrayList<>(examples());
        assertTrue(examples.size() >= 8, "the README, docs/ and the help were read: " + examples);
        // check before merge, report and replay: they read what the checks wrote.
        examples.sort((a, b) -> Boolean.compare(!a.get(0).equals("check"), !b.get(0).equals("check")));
        List<String> ran = new ArrayList<>();
        Set<List<String>> done = new java.util.HashSet<>();
        for (List<String> example : examples) {
            List<String> args = localised(example);
            if (!done.add(args)) {
                continue; // the same run once the budget is ours (check --out crashlab-report [--budget 40])
            }
            if (args.get(0).equals("merge")) {
                shardsNotShown(args);
            }

            Cli r = Cli.run(args.toArray(new String[0]));

            assertEquals(0, r.code(), "./crashlab " + String.join(" ", example) + "\n" + r);
            ran.add(String.join(" ", example));
        }
        assertTrue(ran.stream().anyMatch(e -> e.startsWith("replay ")) && ran.stream().anyMatch(e -> e.startsWith("merge "))
                && ran.stream().anyMatch(e -> e.contains("KafkaCheckpointTarget")), ran.toString());
    }

    /** The examples, as argument lists without "./crashlab", each once. */
    static Set<List<String>> examples() throws IOException {
        Set<List<String>> out = new LinkedHashSet<>();
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (var docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        for (Path page : pages) {
            Matcher spans = CODE_SPAN.matcher(Files.readString(page));
            while (spans.find()) {
                add(out, spans.group(1));
            }
        }
        String launcher = Files.readString(ROOT.resolve("crashlab"));
        String usage = launcher.substring(launcher.indexOf("<<'USAGE'"), launcher.indexOf("\nUSAGE\n"));
        Matcher lines = HELP_LINE.matcher(usage);
        while (lines.find()) {
            add(out, lines.group(1));
        }
        return out;
    }

    private static void add(Set<List<String>> out, String example) {
        List<String> words = words(example.substring("./crashlab ".length()));
        boolean placeholder = words.stream().anyMatch(w -> w.matches("[A-Z_<>\\[\\]a-z]*[A-Z]{2,}[A-Z_]*") || w.contains("...")
                || w.contains("|") || w.startsWith("<") || w.startsWith("com.example") || w.endsWith(";") || w.endsWith("."));
        if (!words.isEmpty() && RUN.contains(words.get(0)) && !placeholder) {
            out.add(words);
        }
    }

    /** Shell words: blanks separate, double quotes group, $HOME expands. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line.replace("\\\n", " "));
        while (m.find()) {
            String w = m.group(1) != null ? m.group(1) : m.group(2);
            out.add(w.replace("$HOME", System.getProperty("user.home")));
        }
        return out;
    }

    /** Output and input folders under the temp folder, a class path from the repository root, campaigns on a budget of 1. */
    private List<String> localised(List<String> example) {
        List<String> args = new ArrayList<>();
        boolean campaign = example.get(0).equals("check") && !example.contains("--target");
        for (int i = 0; i < example.size(); i++) {
            String w = example.get(i);
            String previous = i == 0 ? "" : example.get(i - 1);
            if (previous.equals("--budget")) {
                args.add(BUDGET);
            } else if (previous.equals("--out") || previous.equals("--in")) {
                args.add(tmp.resolve(w).toString());
            } else if (previous.equals("--classpath")) {
                args.add(classpath(w));
            } else if (example.get(0).equals("merge") && i > 0 && !w.startsWith("--") && !previous.equals("--out")) {
                args.add(tmp.resolve(w).toString());
            } else {
                args.add(w);
            }
        }
        if (campaign && !example.contains("--budget")) {
            args.addAll(List.of("--budget", BUDGET));
        }
        return args;
    }

    /**
     * Relative entries are the repository root's, in this build's folder (a build with
     * -Dcrashlab.build=target-x reads its own classes, not a stale target/); the local Maven
     * repository may not be ~/.m2.
     */
    private static String classpath(String cp) {
        List<String> out = new ArrayList<>();
        for (String entry : cp.split(":")) {
            Path p = Path.of(entry);
            if (!p.isAbsolute()) {
                p = ROOT.resolve(entry.replaceFirst("^([\\w-]+)/target/", "$1/" + BUILD + "/"));
            }
            if (!Files.exists(p)) {
                String jar = "/" + p.getFileName();
                p = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                        .filter(e -> e.endsWith(jar)).findFirst().map(Path::of).orElse(p);
            }
            out.add(p.toString());
        }
        return String.join(":", out);
    }

    private static String buildFolder() {
        try {
            return Path.of(DocumentedExamplesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent().getFileName().toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "check --shard 2/4 ... then merge shard-1 ... shard-4": the shards the README elides, run as it says. */
    private void shardsNotShown(List<String> merge) {
        for (String dir : merge.subList(merge.indexOf("--out") + 2, merge.size())) {
            Path shard = Path.of(dir);
            Matcher n = Pattern.compile("shard-(\\d+)").matcher(shard.getFileName().toString());
            if (!Files.exists(shard.resolve("report.json")) && n.matches()) {
                int count = merge.size() - merge.indexOf("--out") - 2;
                Cli r = Cli.run("check", "--out", shard.toString(), "--shard", n.group(1) + "/" + count, "--budget", BUDGET);
                assertEquals(0, r.code(), r.toString());
            }
        }
    }
}
