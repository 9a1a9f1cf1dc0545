package dev.crashlab.faults.crash;

import dev.crashlab.faults.trace.IoTrace;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Renders crash states as short strings ("a.entry=v1") so tests can state exact expectations. */
final class States {

    private States() {
    }

    static List<CrashState> of(IoTrace trace, PersistenceModel model) {
        return new CrashStates(trace).explore(model, Exploration.defaults());
    }

    /** Each state as its files, e.g. {@code ".a.0.tmp=" , "a.entry=v1"}; zero bytes as '0', others as '?'. */
    static Set<String> render(List<CrashState> states) {
        return states.stream().map(States::render).collect(Collectors.toCollection(TreeSet::new));
    }

    static String render(CrashState state) {
        Map<String, String> files = new TreeMap<>();
        state.contents().files().forEach((name, bytes) -> files.put(name, text(bytes)));
        return files.isEmpty() ? "{}" : files.toString();
    }

    private static String text(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(b == 0 ? '0' : b >= 'a' && b <= 'z' || b >= '0' && b <= '9' ? (char) b : '?');
        }
        return out.toString();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
