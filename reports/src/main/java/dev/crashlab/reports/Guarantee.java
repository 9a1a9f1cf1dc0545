package dev.crashlab.reports;

/** The named promises a checker verifies (docs/architecture.md; the README lists them). Serialized as "G1".."G7". */
public enum Guarantee {
    G1("atomic visibility", "a reader sees no entry or a complete entry whose value was written"),
    G2("crash atomicity", "after a crash every entry is absent or complete"),
    G3("durability", "a put that returned under a durable option survives the crash"),
    G4("write-once", "once a complete entry is visible its value never changes"),
    G5("recoverability", "after a crash a new writer can store any key; an invalid entry is reported, never silently answered"),
    G6("no collateral damage", "a crash during one put never damages another entry"),
    G7("no stale reads", "after an invalidation or write returns, no reader is served the old value");

    private final String title;
    private final String promise;

    Guarantee(String title, String promise) {
        this.title = title;
        this.promise = promise;
    }

    /** The promise in one sentence, as the README states it. */
    public String promise() {
        return promise;
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
