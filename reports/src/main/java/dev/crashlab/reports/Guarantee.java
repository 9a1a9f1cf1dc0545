package dev.crashlab.reports;

/** The named promises a checker verifies (design notes, "Guarantees"). Serialized as "G1".."G7". */
public enum Guarantee {
    G1("atomic visibility"),
    G2("crash atomicity"),
    G3("durability"),
    G4("write-once"),
    G5("recoverability"),
    G6("no collateral damage"),
    G7("no stale reads");

    private final String title;

    Guarantee(String title) {
        this.title = title;
    }

    /** The short human name, e.g. "crash atomicity". */
    public String title() {
        return title;
    }

    /** "G2 crash atomicity". */
    public String label() {
        return name() + " " + title;
    }
}
