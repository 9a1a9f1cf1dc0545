/* Sets up Linux AIO (io_setup): the writes it would submit are not system calls of their own. */
#include <linux/aio_abi.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv) {
    aio_context_t ctx = 0;
    return syscall(SYS_io_setup, 8, &ctx) == 0 ? 0 : 3;
}
