/**
 * The study's findings judged on a real kernel: each counterexample's crash point taken again on a
 * loop-mounted ext4, with the kernel oracle's power cuts, and read by the target's own reader and
 * oracle. Beside the pipeline, as the kernel oracle is: evidence for the models the judge uses.
 */
package study.kernel;
