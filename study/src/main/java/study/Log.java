package study;

import dev.crashlab.scenarios.api.CrashTarget;
import java.util.List;

/**
 * The oracle of an append-only record of events (a log, a table that only grows): what a reader
 * finds after a crash is a prefix of what was written, holding every record acknowledged before
 * the crash point, and every record the set-up stored; once the writer returned, all of them.
 */
public final class Log {

    private Log() {
    }

    /** @param kept how many of {@code written} the set-up stored before the writer ran: they are never lost */
    public static String describe(List<String> written, int kept) {
        String prefix = "a prefix of " + String.join(", ", written);
        return (kept == 0 ? prefix : prefix + " (at least " + String.join(", ", written.subList(0, kept)) + ")")
                + " holding every record acknowledged";
    }

    public static CrashTarget.Oracle<List<String>> oracle(List<String> written, int kept) {
        return (found, acked) -> allows(found, written, kept, acked);
    }

    static boolean allows(List<String> found, List<String> written, int kept, CrashTarget.Acknowledged acked) {
        if (found.size() < kept || found.size() > written.size() || !written.subList(0, found.size()).equals(found)) {
            return false;
        }
        if (acked.returned() && found.size() != written.size()) {
            return false;
        }
        return found.containsAll(acked.labels());
    }
}
