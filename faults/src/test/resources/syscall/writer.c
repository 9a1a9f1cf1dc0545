/* A native writer for the system-call recording's oracle: every way of writing the recording decodes,
 * one step at a time. With an argument K it kills itself (SIGKILL) before step K: a real kill -9. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

static int stop = -1;
static int steps = 0;

static void step(void) {
    if (steps++ == stop) {
        kill(getpid(), SIGKILL);
    }
}

int main(int argc, char **argv) {
    if (chdir(argv[1]) != 0) return 2;
    if (argc > 2) stop = atoi(argv[2]);
    step(); mkdir("d", 0755);
    step(); int fd = open("d/log.tmp", O_CREAT | O_EXCL | O_WRONLY, 0644);
    step(); write(fd, "hello ", 6);
    step(); write(fd, "world\n", 6);
    step(); pwrite(fd, "HE", 2, 0);
    struct iovec io[2] = {{"ab", 2}, {"cd", 2}};
    step(); writev(fd, io, 2);
    step(); pwritev(fd, io, 2, 20);
    step(); fsync(fd);
    step(); fdatasync(fd);
    step(); rename("d/log.tmp", "d/log");
    step(); write(fd, "!", 1); /* through the descriptor: lands in the file, whatever its name is now */
    step(); close(fd);
    step(); int dir = open("d", O_RDONLY | O_DIRECTORY);
    step(); fsync(dir);
    step(); close(dir);
    step(); link("d/log", "log2");
    step(); int app = open("log2", O_WRONLY | O_APPEND);
    step(); write(app, "tail\n", 5);
    step(); ftruncate(app, 8);
    step(); lseek(app, 0, SEEK_SET); /* O_APPEND: the next write still lands at the end */
    step(); write(app, "XY", 2);
    step(); close(app);
    step(); int s = open("sync", O_CREAT | O_WRONLY | O_TRUNC | O_DSYNC, 0644);
    step(); write(s, "durable", 7);
    step(); close(s);
    step(); unlink("d/log");
    char buf[4];
    step(); int old = open("old", O_RDWR);
    step(); read(old, buf, 4); /* moves the position: the next write lands after what was read */
    step(); write(old, "NEW", 3);
    step(); close(old);
    step(); int trunc = open("old", O_WRONLY | O_TRUNC);
    step(); close(trunc);
    step();
    return 0;
}
