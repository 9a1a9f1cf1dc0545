package dev.crashlab.reports;

/**
 * How a cell reads to a person: the status, with a seeded bug's catalogued violation told apart
 * from a real failure. Every rendering classifies through here, so they cannot disagree.
 */
enum Outcome {
    HELD("held", "held", "\u2713"),
    VIOLATION("violation", "violated", "\u2717"),
    EXPECTED_FINDING("expected", "expected finding (seeded bug)", "\u2605"),
    NOT_CLAIMED("not-claimed", "not claimed", "\u2013"),
    NOT_APPLICABLE("na", "not applicable", ""),
    INCOMPLETE("incomplete", "not fully explored: the budget ran out", "\u231b");

    private final String cssClass;
    private final String text;
    private final String symbol;

    Outcome(String cssClass, String text, String symbol) {
        this.cssClass = cssClass;
        this.text = text;
        this.symbol = symbol;
    }

    static Outcome of(TargetResult target, Cell cell) {
        return switch (cell.status()) {
            case HELD -> HELD;
            case VIOLATED -> target.isExpectedFinding(cell) ? EXPECTED_FINDING : VIOLATION;
            case NOT_CLAIMED -> NOT_CLAIMED;
            case NOT_APPLICABLE -> NOT_APPLICABLE;
            case INCOMPLETE -> INCOMPLETE;
        };
    }

    String cssClass() {
        return cssClass;
    }

    String text() {
        return text;
    }

    String symbol() {
        return symbol;
    }
}
