package dev.crashlab.faults.syscall;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls of an {@code strace -f -o FILE} log in the order they finished. With several threads a
 * call is split in two ({@code <unfinished ...>}, later {@code <... name resumed>}); it is joined and
 * placed where it finished, when its effect is certain. Read whole once the command ended, or line by
 * line while it runs ({@link #call}).
 */
final class CallLog {

    private static final String UNFINISHED = " <unfinished ...>";

    private final Map<Integer, String> pending = new HashMap<>();

    static List<Call> read(Path file) throws IOException {
        CallLog log = new CallLog();
        List<Call> calls = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Call c = log.call(line);
                if (c != null) {
                    calls.add(c);
                }
            }
        }
        return calls;
    }

    /** The call a line of the log completes; null for a line that completes none (a call's start, a signal). */
    Call call(String line) {
        int space = line.indexOf(' ');
        if (space <= 0 || !Character.isDigit(line.charAt(0))) {
            return null;
        }
        int tid = Integer.parseInt(line.substring(0, space));
        String call = line.substring(space).trim();
        if (call.endsWith(UNFINISHED)) {
            pending.put(tid, call.substring(0, call.length() - UNFINISHED.length()));
            return null;
        }
        if (call.startsWith("<... ")) {
            String start = pending.remove(tid);
            int resumed = call.indexOf("resumed>");
            return start != null && resumed >= 0 ? Call.parse(tid, start + call.substring(resumed + "resumed>".length()))
                    : null;
        }
        return Call.parse(tid, call);
    }
}
