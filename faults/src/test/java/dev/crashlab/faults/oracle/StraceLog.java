package dev.crashlab.faults.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls of an {@code strace -f -o FILE} log, one complete call a line, without the thread id.
 * With several threads a call can be split in two ({@code <unfinished ...>}, then
 * {@code <... name resumed>}); it is joined and placed where it finished, which is when its effect
 * is certain.
 */
final class StraceLog {

    private static final String UNFINISHED = " <unfinished ...>";

    private StraceLog() {
    }

    static List<String> read(Path file) throws IOException {
        Map<String, String> pending = new HashMap<>();
        List<String> calls = new ArrayList<>();
        // strace escapes non-ASCII bytes in what it prints, so the log is ASCII
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            int space = line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String tid = line.substring(0, space);
            String call = line.substring(space).trim();
            if (call.endsWith(UNFINISHED)) {
                pending.put(tid, call.substring(0, call.length() - UNFINISHED.length()));
            } else if (call.startsWith("<... ")) {
                String start = pending.remove(tid);
                int resumed = call.indexOf("resumed>");
                if (start != null && resumed >= 0) {
                    calls.add(start + call.substring(resumed + "resumed>".length()));
                }
            } else {
                calls.add(call);
            }
        }
        return calls;
    }
}
