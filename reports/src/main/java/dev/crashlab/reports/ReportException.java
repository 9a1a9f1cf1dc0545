package dev.crashlab.reports;

/**
 * A report that cannot be read, rendered or merged. The message is one line fit for a command-line
 * error: it names the file or the conflicting cell.
 */
public class ReportException extends RuntimeException {

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
