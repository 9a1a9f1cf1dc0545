package dev.crashlab.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VersionAndHelpTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--version", "-V", "check --version", "merge --version", "report -V", "replay --version"})
    void everyCommandSaysItsVersion(String args) {
        Cli r = Cli.run(args.split(" "));

        assertEquals(0, r.code(), r.toString());
        assertEquals(CrashlabCommand.VERSION, r.out().strip(), r.toString());
    }

    @Test
    void theTopLevelHelpListsCheckingYourOwnCode() {
        Cli r = Cli.run("--help");

        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("crashlab check --target CLASS --classpath CP --out DIR"), r.out());
    }

    @Test
    void theHelpNeverBreaksANameInTwo() {
        Cli r = Cli.run("check", "--help");

        assertTrue(r.out().contains("dev.crashlab.scenarios.api.CrashTargetProvider"), r.out());
        assertTrue(r.out().contains("reference/FILE_AND_DIRECTORY,stream-to-final"), r.out());
    }
}
