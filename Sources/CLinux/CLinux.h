#ifndef GATEWAY_CLINUX_H
#define GATEWAY_CLINUX_H
// Header-only shim for Linux APIs that Glibc's Swift overlay does not expose:
// epoll, eventfd, timerfd, accept4 and a few socket constants.
#define _GNU_SOURCE 1
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <signal.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>

/// Reads errno through a function so Swift sees the thread-local value reliably.
static inline int gw_errno(void) { return errno; }

static inline int gw_accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags) {
    return accept4(fd, addr, len, flags);
}
#endif
