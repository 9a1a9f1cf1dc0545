/* Replaces the content of "value" under the directory argv[1], in place (argv[2] = "in-place": truncated,
 * then written in two writes) or by rename (a temp file written, synced, renamed over it), while a second
 * thread writes lines outside the directory: a reader held at every call sees what each way exposes. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void *chatter(void *unused) {
    for (int i = 0; i < 20; i++) {
        write(2, "chatter\n", 8);
    }
    return unused;
}

int main(int argc, char **argv) {
    if (argc < 3 || chdir(argv[1]) != 0) return 2;
    pthread_t t;
    pthread_create(&t, NULL, chatter, NULL);
    if (strcmp(argv[2], "in-place") == 0) {
        int fd = open("value", O_WRONLY | O_TRUNC);
        write(fd, "new ", 4);
        write(fd, "value", 5);
        close(fd);
    } else {
        int fd = open("value.tmp", O_CREAT | O_EXCL | O_WRONLY, 0644);
        write(fd, "new ", 4);
        write(fd, "value", 5);
        fsync(fd);
        close(fd);
        rename("value.tmp", "value");
    }
    pthread_join(t, NULL);
    return 0;
}
