package dev.crashlab.scenarios.campaign;

/**
 * A cell's outcome after the campaign.
 *
 * @param cell             target x guarantee x context
 * @param status           held, violated, not claimed, or not applicable
 * @param checks           how many states or observations were judged for it
 * @param counterexample   the first (smallest) breaking scenario, or null
 * @param detectedAfterMs  milliseconds from the target's start to the counterexample, or -1
 * @param vulnerability    why a violated cell's counterexample exists, with its fix judged; null otherwise
 */
public record Verdict(Cell cell, Status status, long checks, Counterexample counterexample, long detectedAfterMs,
                      dev.crashlab.reports.Vulnerability vulnerability) {
}
