package dev.crashlab.reports;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Human forms of millisecond counts, shared by every rendering so they agree. */
final class Durations {

    private Durations() {
    }

    /** "850 ms", "3.2 s", "4 min 05 s". */
    static String format(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** "2026-11-29 17:23:05 UTC": a reader wants the second, not the nanosecond. */
    static String instant(Instant at) {
        return WHEN.format(at.truncatedTo(ChronoUnit.SECONDS));
    }
}
