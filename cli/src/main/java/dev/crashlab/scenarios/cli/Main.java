package dev.crashlab.scenarios.cli;

/** The runnable jar's entry point: {@code java -jar crashlab-scenarios.jar check --out DIR}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(CrashlabCommand.commandLine().execute(args));
    }
}
