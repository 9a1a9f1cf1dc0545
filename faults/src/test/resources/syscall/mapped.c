/* Writes a file under the root through a shared writable map: no system call carries the bytes. */
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (chdir(argv[1]) != 0) return 2;
    int fd = open("db-shm", O_CREAT | O_RDWR, 0644);
    ftruncate(fd, 4096);
    char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    memcpy(p, "index", 5);
    msync(p, 4096, MS_SYNC);
    int data = open("db", O_CREAT | O_WRONLY, 0644);
    write(data, "page", 4);
    fsync(data);
    return 0;
}
