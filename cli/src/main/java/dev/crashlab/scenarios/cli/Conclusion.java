package dev.crashlab.scenarios.cli;

import dev.crashlab.reports.CampaignResult;
import dev.crashlab.reports.Reports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The end of {@code check} and {@code merge}: write the reports, print summary.md and a
 * verdict line, and turn the result into the exit code.
 */
final class Conclusion {

    private Conclusion() {
    }

    static int write(String command, CampaignResult result, Path dir, PrintWriter out) throws IOException {
        Reports.write(result, dir);
        out.println(Reports.renderForConsole(result));
        out.println(command + ": " + verdict(result) + "; wrote report.json, report.html, summary.md, junit.xml and report.sarif to " + dir);
        out.flush();
        return result.passed() ? ExitCodes.PASSED : unfinished(result) ? ExitCodes.INCOMPLETE : ExitCodes.FAILED;
    }

    /** Nothing broken in what was judged, but a budget left cells unexplored. */
    private static boolean unfinished(CampaignResult r) {
        return r.violations() == 0 && r.missedFindings() == 0 && r.incomplete() > 0;
    }

    static String verdict(CampaignResult r) {
        // a user's check runs no seeded bugs: counting their findings would only raise the question
        String counts = r.violations() + " violation(s)" + (r.seeded() ? ", " + r.expectedFindings()
                + " expected finding(s) of seeded bugs, " + r.missedFindings() + " missed finding(s)" : "");
        if (r.passed()) {
            return "PASSED (" + counts + ")";
        }
        if (unfinished(r)) {
            return "NOT FINISHED: the budget ran out with " + r.incomplete() + " cell(s) not fully explored; nothing judged"
                    + " broke a claimed guarantee, which is not a pass (" + counts + ")";
        }
        String why = r.violations() > 0 ? "a target under test broke a guarantee it claims"
                : "a seeded bug went uncaught: a broken check, or a budget too small to reach it";
        return "FAILED: " + why + " (" + counts + ")";
    }
}
