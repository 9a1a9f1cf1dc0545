package study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {

    private static final String REPORT = """
            {"targets": [{"id": "t", "cells": [
              {"guarantee": "G1", "model": "concurrent-reader", "status": "held", "counterexample": null},
              {"guarantee": "G2", "model": "process-crash", "status": "held", "counterexample": null},
              {"guarantee": "G3", "model": "process-crash", "status": "held", "counterexample": null},
              {"guarantee": "G2", "model": "ordered", "status": "held", "counterexample": null},
              {"guarantee": "G3", "model": "ordered", "status": "violated", "counterexample":
                {"vulnerability": {"kind": "publish-not-durable", "fix": {"outcome": "verified"}}}},
              {"guarantee": "G2", "model": "ext4-like", "status": "not-claimed", "counterexample":
                {"vulnerability": {"kind": "data-not-durable-before-publish", "fix": {"outcome": "not-sufficient"}}}},
              {"guarantee": "G3", "model": "ext4-like", "status": "not-claimed", "counterexample": null}
            ]}]}
            """;

    @Test
    void aRowCarriesEachCellAndTheVulnerabilitiesClaimedOnesFirst(@TempDir Path dir) throws Exception {
        Path reports = dir.resolve("reports");
        write(reports.resolve("a.Target/exit"), "1\n");
        write(reports.resolve("a.Target/report.json"), REPORT);
        write(reports.resolve("b.Native/exit"), "2\n");
        write(reports.resolve("b.Native/stderr.txt"), "crashlab check: --target b.Native: the writer of n did I/O the"
                + " instrumentation cannot see:\n  db: on disk (4 bytes), but the trace never made it\n");
        Path tsv = dir.resolve("targets.tsv");
        write(tsv, "class\tlibrary\tartifact\tworkload\tpromise\n"
                + "a.Target\tLib\tJDK\twrite\tdurable\n"
                + "b.Native\tNat\tJDK\tput\tits own\n");

        String table = Table.render(Table.Row.parse(tsv), reports, List.of());

        List<String> lines = table.lines().toList();
        String jdk = "JDK " + Runtime.version().feature();
        assertEquals("| Lib | " + jdk + " | write | durable | ✓ | G2 ✓ G3 ✓ | G2 ✓ G3 ✗ | G2 (✗) G3 ✓ | G2 · G3 · |"
                + " publish not durable (fix verified); (data not durable before publish) |", lines.get(2));
        assertEquals("| Nat | " + jdk + " | put | its own | refused |  |  |  |  | exit 2: the writer of n did I/O the"
                + " instrumentation cannot see: db: on disk (4 bytes), but the trace never made it |", lines.get(3));
    }

    @Test
    void theVersionIsTheOneOnTheClassPath() {
        Table.Row row = new Table.Row("c", "HSQLDB", "org.hsqldb:hsqldb", "w", "p");
        assertEquals("2.7.4", row.version(List.of("/m2/org/apache/x/1.0/x.jar", "/m2/org/hsqldb/hsqldb/2.7.4/hsqldb-2.7.4.jar")));
    }

    @Test
    void theDocumentedTableHasOneRowPerTargetInOrder() throws Exception {
        Path studyDir = Path.of("").toAbsolutePath();
        String page = Files.readString(studyDir.resolveSibling("docs").resolve("study.md"), StandardCharsets.UTF_8);
        List<String> rows = Table.between(page).lines().filter(l -> l.startsWith("| ") && !l.startsWith("| library"))
                .toList();
        List<Table.Row> targets = Table.Row.parse(studyDir.resolve("targets.tsv"));
        assertEquals(targets.size(), rows.size(), "one row of docs/study.md per line of targets.tsv");
        for (int i = 0; i < rows.size(); i++) {
            assertTrue(rows.get(i).startsWith("| " + targets.get(i).library() + " | "), rows.get(i));
            assertTrue(rows.get(i).contains(" | " + targets.get(i).workload() + " | "), rows.get(i));
        }
    }

    @Test
    void betweenTakesTheTextInsideTheMarkers() {
        assertEquals("| a |\n", Table.between("x\n" + Table.BEGIN + "\n| a |\n" + Table.END + "\ny"));
        assertEquals("", Table.between("no markers"));
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
