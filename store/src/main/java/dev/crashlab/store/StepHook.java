package dev.crashlab.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Called before each named step of a put; throwing an IOException fails that step as the disk
 * would. For tests that fail every step in turn and check what the error then says.
 */
interface StepHook {

    StepHook NONE = (step, file) -> { };

    void before(String step, Path file) throws IOException;
}
