package dev.crashlab.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** What to do about an I/O error, by its kind: the second half of every message that reports one. */
final class Failures {

    private Failures() {
    }

    static String advice(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (e instanceof AccessDeniedException || m.contains("permission denied") || m.contains("read-only")) {
            return "Check the permissions of the store's directory and its files: the process needs to read, create"
                    + " and delete files there.";
        }
        if (e instanceof FileSystemLoopException || m.contains("too many levels of symbolic links")) {
            return "A symbolic link is in the way (the store never follows links at an entry's path): remove it.";
        }
        if (m.contains("no space left") || m.contains("disk quota")) {
            return "The file system is out of space or quota: free some, then retry.";
        }
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
            return "A file the store was using disappeared: something else is deleting files in the store's"
                    + " directory (only removeAbandonedTempFiles should).";
        }
        return "Check the file system (dmesg, free space, permissions), then retry.";
    }
}
