package dev.crashlab.faults.oracle;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Idioms an oracle shows crashlab still gets wrong, each with the reason. Such an idiom stays in
 * the suite and is reported as skipped with its difference, so the build passes while the
 * recording is being fixed; once it passes, the test fails until it is removed from here, so the
 * list never claims a gap that is gone.
 */
final class KnownGaps {

    private static final String SET_LENGTH = "RandomAccessFile.setLength (ftruncate) is not recorded where it is a"
            + " native method (JDK 17; on JDK 25 it is Java calling setLength0, and recorded): the completeness"
            + " check refuses the trace";
    private static final String FAILED_ATTEMPTS = "a failed attempt (File.mkdirs' and Files.createDirectories' mkdir of a"
            + " path whose parent is missing, a File.renameTo across file systems) takes an operation number, so crash"
            + " plans built from the trace (CrashBefore, CrashInsideWrite) stop at another operation than the state"
            + " computed for them";
    private static final String STREAM_POSITION = "a FileOutputStream's write offset comes from a position crashlab keeps"
            + " for the stream, not the kernel's: an append stream writes at its own count while O_APPEND writes at"
            + " the end another handle made, and a stream whose channel was repositioned writes where it was;"
            + " the completeness check refuses the trace";
    private static final String FD_STREAM = "a stream made from a recorded handle's FileDescriptor (new"
            + " FileOutputStream(raf.getFD())) writes unrecorded: the completeness check refuses the trace";

    static final Map<String, String> STRACE = gaps()
            .when(nativeSetLength(), SET_LENGTH, "raf-set-length-shrink", "raf-set-length-grow")
            .because(FD_STREAM, "fos-on-raf-descriptor")
            .because(STREAM_POSITION, "two-appending-streams", "raf-and-stream-on-one-file",
                    "fos-channel-position-then-stream-write")
            .done();

    static final Map<String, String> KILL = gaps()
            .when(nativeSetLength(), SET_LENGTH, "raf-set-length-shrink", "raf-set-length-grow")
            .because(FAILED_ATTEMPTS, "file-mkdirs", "files-create-directories", "rename-to-across-file-systems")
            .because(FD_STREAM, "fos-on-raf-descriptor")
            .because(STREAM_POSITION, "two-appending-streams", "raf-and-stream-on-one-file",
                    "fos-channel-position-then-stream-write")
            .because("DELETE_ON_CLOSE: the JDK unlinks inside the open, so the writer can never be stopped before the"
                    + " recorded DELETE with the file still there (a kill inside the JDK's open can leave it)", "delete-on-close")
            .done();

    private KnownGaps() {
    }

    private static boolean nativeSetLength() {
        try {
            return java.lang.reflect.Modifier.isNative(
                    java.io.RandomAccessFile.class.getDeclaredMethod("setLength", long.class).getModifiers());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("RandomAccessFile has no setLength(long)", e);
        }
    }

    private static Builder gaps() {
        return new Builder();
    }

    /** Idiom name to reason, every name checked against the corpus so a typo cannot hide a gap. */
    private static final class Builder {
        private final Map<String, String> gaps = new java.util.LinkedHashMap<>();

        /** A gap of some JDKs only: elsewhere the idioms must pass. */
        Builder when(boolean applies, String reason, String... idioms) {
            return applies ? because(reason, idioms) : this;
        }

        Builder because(String reason, String... idioms) {
            for (String idiom : idioms) {
                gaps.put(Corpus.named(idiom).name(), reason);
            }
            return this;
        }

        Map<String, String> done() {
            return Map.copyOf(gaps);
        }
    }

    /**
     * Passes, fails, or skips with the reason.
     *
     * @param failure what the oracle found wrong, or null if the idiom passed it
     */
    static void judge(Map<String, String> gaps, String oracle, String idiom, String failure) {
        String reason = gaps.get(idiom);
        if (failure == null && reason != null) {
            fail(idiom + " now passes the " + oracle + " oracle: remove it from KnownGaps."
                    + (gaps == STRACE ? "STRACE" : "KILL") + " (it was there because: " + reason + ")");
        }
        if (failure != null && reason == null) {
            fail(idiom + ": " + failure);
        }
        if (failure != null) {
            Assumptions.abort("known gap of the " + oracle + " oracle (" + reason + "):\n" + failure);
        }
    }
}
