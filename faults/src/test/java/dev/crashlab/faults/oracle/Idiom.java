package dev.crashlab.faults.oracle;

import java.nio.file.Path;

/**
 * One small way of writing files, as user code writes them. {@code setUp} prepares the root before
 * anything is recorded (files the idiom overwrites, appends to or moves); {@code body} is what the
 * oracles watch. Both only touch paths under the root they are given, and are deterministic in
 * everything but the random part of temp-file names.
 */
record Idiom(String name, Step setUp, Step body) {

    @FunctionalInterface
    interface Step {
        void run(Path root) throws Exception;
    }

    static Idiom of(String name, Step body) {
        return new Idiom(name, root -> { }, body);
    }

    static Idiom of(String name, Step setUp, Step body) {
        return new Idiom(name, setUp, body);
    }

    @Override
    public String toString() {
        return name;
    }
}
