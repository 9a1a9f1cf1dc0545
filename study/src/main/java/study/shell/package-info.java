/** The study's writer that shells out to coreutils (cp, mv): recorded at the system calls, child processes included. */
package study.shell;
