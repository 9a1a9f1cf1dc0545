package dev.crashlab.store;

import java.nio.file.Path;

/** Builds the publisher of each protocol; this table is the whole difference between them. */
final class Publishers {

    private Publishers() {
    }

    static Publisher of(Protocol p, Durability d, Path tempDirectory, Steps steps, long maxValueBytes) {
        boolean syncFile = p.syncsFile(d);
        boolean syncDir = p.syncsDirectory(d);
        return switch (p) {
            case REFERENCE, RENAME_NO_FSYNC, NO_DIR_FSYNC -> new RenamePublisher(steps, null, true, syncFile, syncDir, false, maxValueBytes);
            case TEMP_ELSEWHERE -> new RenamePublisher(steps, tempDirectory, false, syncFile, syncDir, false, maxValueBytes);
            case UNLINK_THEN_RENAME -> new RenamePublisher(steps, null, true, syncFile, syncDir, true, maxValueBytes);
            case STALE_LOCK -> new StaleLockPublisher(steps, new RenamePublisher(steps, null, true, syncFile, syncDir, false, maxValueBytes));
            case STREAM_TO_FINAL -> new StreamToFinalPublisher(steps, syncFile, syncDir);
        };
    }
}
