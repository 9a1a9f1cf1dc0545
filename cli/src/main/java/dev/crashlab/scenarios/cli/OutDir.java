package dev.crashlab.scenarios.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks where results will go before any work starts: a campaign that runs for half an hour and
 * then cannot write its report wastes the half hour.
 */
final class OutDir {

    private OutDir() {
    }

    /** A directory to write into: it exists and is writable, or its parent does and is. */
    static Path directory(CommandSpec spec, Path dir, String option) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw usage(spec, option + " " + dir + " is a file, not a directory; name a directory (created if missing)");
            }
            if (!Files.isWritable(abs)) {
                throw usage(spec, option + " " + dir + " is not writable; choose a directory you can write to");
            }
            return abs;
        }
        return parentWritable(spec, abs, dir, option);
    }

    /** A file to (re)write: it is not a directory, and its directory exists and is writable. */
    static Path file(CommandSpec spec, Path file, String option) {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw usage(spec, option + " " + file + " is a directory; name the file to write");
        }
        return parentWritable(spec, abs, file, option);
    }

    private static Path parentWritable(CommandSpec spec, Path abs, Path given, String option) {
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw usage(spec, "the parent of " + option + " " + given + " (" + parent
                    + ") does not exist; create it first or choose another " + option);
        }
        if (!Files.isWritable(parent)) {
            throw usage(spec, "cannot create " + option + " " + given + ": " + parent
                    + " is not writable; choose another " + option);
        }
        return abs;
    }

    static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
