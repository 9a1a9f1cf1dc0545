package dev.crashlab.scenarios.check;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Silences the store's warnings while a test class runs: G5 makes thousands of fresh puts on
 * crash states (replacing invalid entries, fsyncing directories Jimfs cannot open), and printing
 * a warning for each made the tests several times slower. Restores the level afterwards.
 */
public final class QuietStoreLog implements BeforeAllCallback, AfterAllCallback {

    private static final Logger STORE = Logger.getLogger("dev.crashlab.store");
    private Level saved;

    @Override
    public void beforeAll(ExtensionContext context) {
        saved = STORE.getLevel();
        STORE.setLevel(Level.SEVERE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        STORE.setLevel(saved);
    }
}
