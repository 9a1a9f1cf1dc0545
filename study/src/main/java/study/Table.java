package study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The study's table, from what each {@code ./crashlab check} left (its exit code, report.json, its
 * error line): printed, written to a file, and compared with the copy in docs/study.md between the
 * {@code <!-- study-table -->} markers, so the documentation never says what the command does not print.
 *
 * <p>Usage: {@code Table TARGETS_TSV REPORTS_DIR CLASSPATH TABLE_MD STUDY_MD}; exit 1 when the
 * documented table differs.
 */
public final class Table {

    static final String BEGIN = "<!-- study-table:begin -->";
    static final String END = "<!-- study-table:end -->";
    static final List<String> MODELS = List.of("process-crash", "ordered", "ext4-like", "weakest-posix");

    private Table() {
    }

    public static void main(String[] args) throws IOException {
        List<Row> rows = Row.parse(Path.of(args[0]));
        String table = render(rows, Path.of(args[1]), List.of(args[2].split(":")));
        Files.writeString(Path.of(args[3]), table, StandardCharsets.UTF_8);
        System.out.print(table);
        String documented = between(Files.readString(Path.of(args[4]), StandardCharsets.UTF_8));
        if (!table.equals(documented)) {
            System.err.println("study: the table of " + args[4] + " (between " + BEGIN + " and " + END + ") differs from the one"
                    + " printed above; copy " + args[3] + " into it");
            System.exit(1);
        }
        System.err.println("study: the table of " + args[4] + " is the one printed above");
    }

    /** The documented table: the text between the markers, without the line breaks that follow and precede them. */
    static String between(String page) {
        int b = page.indexOf(BEGIN);
        int e = page.indexOf(END);
        if (b < 0 || e < b) {
            return "";
        }
        return page.substring(b + BEGIN.length(), e).replaceFirst("^\n", "");
    }

    static String render(List<Row> rows, Path reports, List<String> classPath) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("| library | version | workload | what the library promises | G1 reader | ");
        out.append(String.join(" | ", MODELS)).append(" | vulnerability (fix) |\n");
        out.append("|---|---|---|---|:-:|").append(":-:|".repeat(MODELS.size())).append("---|\n");
        for (Row row : rows) {
            Path dir = reports.resolve(row.className());
            out.append("| ").append(row.library()).append(" | ").append(row.version(classPath)).append(" | ")
                    .append(row.workload()).append(" | ").append(row.promise()).append(" | ");
            out.append(Verdicts.of(dir).cells(MODELS)).append(" |\n");
        }
        out.append("\n").append(Verdicts.LEGEND).append("\n");
        return out.toString();
    }

    /** One line of targets.tsv: the provider class, the library, its Maven coordinates (or JDK), the workload, its promise. */
    record Row(String className, String library, String artifact, String workload, String promise) {

        static List<Row> parse(Path tsv) throws IOException {
            List<Row> rows = new ArrayList<>();
            for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("class\t")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 5) {
                    throw new IllegalArgumentException(tsv + ": expected 5 tab-separated fields, got " + f.length + ": " + line);
                }
                rows.add(new Row(f[0], f[1], f[2], f[3], f[4]));
            }
            return rows;
        }

        /** The version of the jar the check really loaded, from its path in the local repository. */
        String version(List<String> classPath) {
            if (artifact.equals("JDK")) {
                return "JDK " + Runtime.version().feature();
            }
            String[] ga = artifact.split(":");
            String dir = "/" + ga[0].replace('.', '/') + "/" + ga[1] + "/";
            for (String entry : classPath) {
                int at = entry.indexOf(dir);
                if (at >= 0) {
                    String rest = entry.substring(at + dir.length());
                    return rest.substring(0, rest.indexOf('/'));
                }
            }
            throw new IllegalArgumentException(artifact + " is not on the study's class path");
        }
    }

    /** What one check said: a report's cells, or a refusal. */
    static final class Verdicts {

        static final String LEGEND = "✓ held · ✗ violated (claimed) · (✗) broken where the library does not claim it"
                + " · refused: crashlab would not judge the target (exit 2), with its reason"
                + " · a lone · : not judged, with the reason in the report's notes";

        private final JsonNode target;
        private final String refusal;

        private Verdicts(JsonNode target, String refusal) {
            this.target = target;
            this.refusal = refusal;
        }

        static Verdicts of(Path dir) throws IOException {
            int exit = Integer.parseInt(Files.readString(dir.resolve("exit")).trim());
            if (exit == 0 || exit == 1) {
                JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
                return new Verdicts(report.get("targets").get(0), null);
            }
            List<String> err = Files.readAllLines(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
            int first = 0;
            while (first < err.size() && !err.get(first).startsWith("crashlab")) {
                first++;
            }
            // the refusal's line, and the first file it names
            String reason = first == err.size() ? "no message"
                    : err.get(first).replaceFirst("^crashlab check: --target [^:]*: ", "")
                            + (first + 1 < err.size() ? " " + err.get(first + 1).trim() : "");
            return new Verdicts(null, "exit " + exit + ": " + Refusals.shorten(reason));
        }

        String cells(List<String> models) {
            if (refusal != null) {
                return "refused | " + " | ".repeat(models.size()) + refusal;
            }
            List<String> cols = new ArrayList<>();
            cols.add(symbol(cell("G1", "concurrent-reader")));
            for (String m : models) {
                String g2 = symbol(cell("G2", m));
                String g3 = symbol(cell("G3", m));
                cols.add("G2 " + g2 + " G3 " + g3);
            }
            cols.add(vulnerabilities());
            return String.join(" | ", cols);
        }

        private JsonNode cell(String guarantee, String model) {
            for (JsonNode c : target.get("cells")) {
                if (c.get("guarantee").asText().equals(guarantee) && c.get("model").asText().equals(model)) {
                    return c;
                }
            }
            return null;
        }

        private static String symbol(JsonNode cell) {
            if (cell == null) {
                return "·";
            }
            boolean broken = !cell.path("counterexample").isNull() && !cell.path("counterexample").isMissingNode();
            return switch (cell.get("status").asText()) {
                case "held" -> "✓";
                case "violated" -> "✗";
                case "not-claimed" -> broken ? "(✗)" : "✓";
                default -> "·";
            };
        }

        /**
         * Each distinct vulnerability class of a broken cell: those of violated (claimed) cells with
         * how their first fix fared, then, in parentheses, those only found where nothing is claimed.
         */
        private String vulnerabilities() {
            java.util.Map<String, String> claimed = new java.util.LinkedHashMap<>();
            Set<String> unclaimed = new LinkedHashSet<>();
            for (JsonNode c : target.get("cells")) {
                JsonNode v = c.path("counterexample").path("vulnerability");
                if (v.isMissingNode() || v.isNull()) {
                    continue;
                }
                String kind = v.get("kind").asText().replace('-', ' ');
                if (c.get("status").asText().equals("violated")) {
                    claimed.putIfAbsent(kind, v.path("fix").path("outcome").asText("none"));
                } else {
                    unclaimed.add(kind);
                }
            }
            List<String> all = new ArrayList<>();
            claimed.forEach((kind, fix) -> all.add(kind + " (fix " + fix.replace('-', ' ') + ")"));
            unclaimed.stream().filter(k -> !claimed.containsKey(k)).forEach(k -> all.add("(" + k + ")"));
            return all.isEmpty() ? "none" : String.join("; ", all);
        }
    }

    /** A refusal's one line, without the paths of this machine. */
    static final class Refusals {
        private Refusals() {
        }

        static String shorten(String line) {
            String s = line.replaceFirst("^crashlab check: ", "").replace("|", "\\|");
            return s.length() > 240 ? s.substring(0, 237) + "..." : s;
        }
    }
}
