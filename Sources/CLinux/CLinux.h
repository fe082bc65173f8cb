#ifndef GATEWAY_CLINUX_H
#define GATEWAY_CLINUX_H
// Header-only shim for Linux APIs that Glibc's Swift overlay does not expose:
// epoll, eventfd, timerfd, accept4, socket constants, and static inline wrappers for macros and
// packed structs (struct epoll_event is packed on x86_64, so Swift never touches it directly).
// No _GNU_SOURCE here: it would change fd_set and clash with the Glibc module; the GNU-only
// accept4 is declared by hand below instead.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/types.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <signal.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <string.h>
#include <stdint.h>
#include <time.h>
#include <pthread.h>

/// Reads errno through a function so Swift sees the thread-local value reliably.
static inline int gw_errno(void) { return errno; }

extern int accept4(int, struct sockaddr *, socklen_t *, int);
static inline int gw_accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags) {
    return accept4(fd, addr, len, flags);
}

// MARK: epoll

/// One ready event, unpacked (struct epoll_event is packed on x86_64).
typedef struct { uint32_t events; uint64_t data; } gw_epoll_result;

static const uint32_t GW_EPOLLIN = EPOLLIN;
static const uint32_t GW_EPOLLOUT = EPOLLOUT;
static const uint32_t GW_EPOLLERR = EPOLLERR;
static const uint32_t GW_EPOLLHUP = EPOLLHUP;
static const uint32_t GW_EPOLLRDHUP = EPOLLRDHUP;
static const uint32_t GW_EPOLLET = EPOLLET;

static inline int gw_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

static inline int gw_epoll_add(int epfd, int fd, uint32_t events, uint64_t data) {
    struct epoll_event ev; ev.events = events; ev.data.u64 = data;
    return epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev);
}
static inline int gw_epoll_mod(int epfd, int fd, uint32_t events, uint64_t data) {
    struct epoll_event ev; ev.events = events; ev.data.u64 = data;
    return epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &ev);
}
static inline int gw_epoll_del(int epfd, int fd) {
    struct epoll_event ev; memset(&ev, 0, sizeof ev);
    return epoll_ctl(epfd, EPOLL_CTL_DEL, fd, &ev);
}

/// epoll_wait into an unpacked array; at most 256 events per call.
static inline int gw_epoll_wait(int epfd, gw_epoll_result *out, int max, int timeout_ms) {
    struct epoll_event evs[256];
    if (max > 256) max = 256;
    int n = epoll_wait(epfd, evs, max, timeout_ms);
    for (int i = 0; i < n; i++) { out[i].events = evs[i].events; out[i].data = evs[i].data.u64; }
    return n;
}

// MARK: eventfd / timerfd

static inline int gw_eventfd(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }
static inline int gw_eventfd_signal(int fd) { return eventfd_write(fd, 1); }
static inline int gw_eventfd_drain(int fd) { eventfd_t v; return eventfd_read(fd, &v); }

/// Monotonic clock in nanoseconds.
static inline uint64_t gw_monotonic_ns(void) {
    struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

// MARK: sockets

static const int GW_MSG_NOSIGNAL = MSG_NOSIGNAL;

/// Ignores SIGPIPE process-wide (writes to a closed peer then fail with EPIPE instead of killing us).
static inline void gw_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }

/// A non-blocking, close-on-exec TCP socket for the given family (AF_INET / AF_INET6).
static inline int gw_tcp_socket(int family) {
    return socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_TCP);
}
static inline int gw_set_int_option(int fd, int level, int name, int value) {
    return setsockopt(fd, level, name, &value, sizeof value);
}
static inline int gw_set_nodelay(int fd) { return gw_set_int_option(fd, IPPROTO_TCP, TCP_NODELAY, 1); }
static inline int gw_set_reuseaddr(int fd) { return gw_set_int_option(fd, SOL_SOCKET, SO_REUSEADDR, 1); }
static inline int gw_set_reuseport(int fd) { return gw_set_int_option(fd, SOL_SOCKET, SO_REUSEPORT, 1); }
static inline int gw_set_v6only(int fd) { return gw_set_int_option(fd, IPPROTO_IPV6, IPV6_V6ONLY, 1); }
/// SO_LINGER 0: close() sends RST (used by tests to simulate a reset peer).
static inline int gw_set_linger_zero(int fd) {
    struct linger l; l.l_onoff = 1; l.l_linger = 0;
    return setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
}
/// Pending socket error (SO_ERROR), e.g. after a non-blocking connect.
static inline int gw_socket_error(int fd) {
    int err = 0; socklen_t len = sizeof err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) return errno;
    return err;
}
static inline ssize_t gw_send(int fd, const void *buf, size_t len) {
    return send(fd, buf, len, MSG_NOSIGNAL);
}
/// writev that never raises SIGPIPE (sendmsg with MSG_NOSIGNAL).
static inline ssize_t gw_writev(int fd, const struct iovec *iov, int count) {
    struct msghdr m; memset(&m, 0, sizeof m);
    m.msg_iov = (struct iovec *)iov; m.msg_iovlen = (size_t)count;
    return sendmsg(fd, &m, MSG_NOSIGNAL);
}

/// Binds and listens on a numeric IPv4/IPv6 address; returns the fd or -errno. `*port` in/out.
static inline int gw_listen_tcp(const char *host, int *port, int backlog, int reuseport) {
    struct sockaddr_storage ss; memset(&ss, 0, sizeof ss);
    socklen_t len;
    int family;
    struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;
    if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
        family = AF_INET; v4->sin_family = AF_INET; v4->sin_port = htons((uint16_t)*port); len = sizeof *v4;
    } else if (inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
        family = AF_INET6; v6->sin6_family = AF_INET6; v6->sin6_port = htons((uint16_t)*port); len = sizeof *v6;
    } else {
        return -EINVAL;
    }
    int fd = gw_tcp_socket(family);
    if (fd < 0) return -errno;
    gw_set_reuseaddr(fd);
    if (reuseport) gw_set_reuseport(fd);
    if (family == AF_INET6) gw_set_v6only(fd);
    if (bind(fd, (struct sockaddr *)&ss, len) != 0 || listen(fd, backlog) != 0) {
        int e = errno; close(fd); return -e;
    }
    struct sockaddr_storage bound; socklen_t blen = sizeof bound;
    if (getsockname(fd, (struct sockaddr *)&bound, &blen) == 0) {
        *port = bound.ss_family == AF_INET6 ? ntohs(((struct sockaddr_in6 *)&bound)->sin6_port)
                                            : ntohs(((struct sockaddr_in *)&bound)->sin_port);
    }
    return fd;
}

/// Starts a non-blocking connect to a numeric address; returns the fd (connect may be in progress,
/// signalled by *in_progress = 1) or -errno.
static inline int gw_connect_tcp(const char *host, int port, int *in_progress) {
    struct sockaddr_storage ss; memset(&ss, 0, sizeof ss);
    socklen_t len;
    int family;
    struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;
    if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
        family = AF_INET; v4->sin_family = AF_INET; v4->sin_port = htons((uint16_t)port); len = sizeof *v4;
    } else if (inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
        family = AF_INET6; v6->sin6_family = AF_INET6; v6->sin6_port = htons((uint16_t)port); len = sizeof *v6;
    } else {
        return -EINVAL;
    }
    int fd = gw_tcp_socket(family);
    if (fd < 0) return -errno;
    gw_set_nodelay(fd);
    *in_progress = 0;
    if (connect(fd, (struct sockaddr *)&ss, len) != 0) {
        if (errno == EINPROGRESS) { *in_progress = 1; return fd; }
        int e = errno; close(fd); return -e;
    }
    return fd;
}

/// Resolves a host name to its first numeric address (blocking getaddrinfo; call off the loop).
/// Writes into `out` (at least INET6_ADDRSTRLEN bytes); returns 0 or an EAI_* code.
static inline int gw_resolve(const char *host, char *out, size_t out_len) {
    struct addrinfo hints; memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    struct addrinfo *res = NULL;
    int rc = getaddrinfo(host, NULL, &hints, &res);
    if (rc != 0) return rc;
    rc = EAI_NONAME;
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        const void *addr = ai->ai_family == AF_INET ? (const void *)&((struct sockaddr_in *)ai->ai_addr)->sin_addr
                         : ai->ai_family == AF_INET6 ? (const void *)&((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr : NULL;
        if (addr && inet_ntop(ai->ai_family, addr, out, (socklen_t)out_len)) { rc = 0; break; }
    }
    freeaddrinfo(res);
    return rc;
}

/// Peer address of a connected socket as text ("127.0.0.1" / "::1"); returns 0 or -1.
static inline int gw_peer_name(int fd, char *out, size_t out_len, int *port) {
    struct sockaddr_storage ss; socklen_t len = sizeof ss;
    if (getpeername(fd, (struct sockaddr *)&ss, &len) != 0) return -1;
    if (ss.ss_family == AF_INET) {
        struct sockaddr_in *a = (struct sockaddr_in *)&ss; *port = ntohs(a->sin_port);
        return inet_ntop(AF_INET, &a->sin_addr, out, (socklen_t)out_len) ? 0 : -1;
    }
    struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss; *port = ntohs(a->sin6_port);
    return inet_ntop(AF_INET6, &a->sin6_addr, out, (socklen_t)out_len) ? 0 : -1;
}

/// True when the calling thread is `t`.
static inline int gw_is_thread(pthread_t t) { return pthread_equal(pthread_self(), t); }
#endif
