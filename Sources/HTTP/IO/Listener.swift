import CLinux
import Glibc

/// A listening TCP socket registered on one loop; accepts until EAGAIN on each (edge-triggered)
/// event and hands every new non-blocking, `TCP_NODELAY` fd to `onAccept` on the loop thread.
///
/// `@unchecked Sendable`: `isOpen` and `onAccept` are only used on `loop`'s thread (`start`,
/// `eventLoopReady` and `close` assert it); `fd`, `port` and `loop` are immutable.
final class Listener: EventLoopSelectable, @unchecked Sendable {
    /// The listening fd.
    let fd: Int32
    /// The bound port (the OS's choice when 0 was asked for).
    let port: Int
    /// The loop that accepts on this socket.
    let loop: EventLoop
    private var isOpen = true
    private var onAccept: ((Int32) -> Void)?

    /// Binds and listens on a numeric address; `reusePort` lets one listener per loop share a port.
    init(host: String, port: Int, backlog: Int = 1024, reusePort: Bool, loop: EventLoop) throws(SocketError) {
        var chosen = Int32(port)
        let result = gw_listen_tcp(host, &chosen, Int32(backlog), reusePort ? 1 : 0)
        guard result >= 0 else { throw .system(operation: "listen on \(host):\(port)", errno: -result) }
        fd = result
        self.port = Int(chosen)
        self.loop = loop
    }

    /// Registers with the loop and starts accepting (call on the loop).
    func start(onAccept: @escaping (Int32) -> Void) throws(SocketError) {
        loop.assertInLoop()
        self.onAccept = onAccept
        guard loop.register(fd: fd, events: GW_EPOLLIN | GW_EPOLLET, handler: self) else {
            throw .system(operation: "epoll_ctl(listener)", errno: gw_errno())
        }
    }

    func eventLoopReady(events: UInt32) {
        while isOpen {
            let conn = gw_accept4(fd, nil, nil, Int32(SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue))
            if conn < 0 {
                let code = gw_errno()
                if code == EINTR || code == ECONNABORTED { continue }
                return  // EAGAIN, or EMFILE/ENFILE: the next connection attempt retries
            }
            _ = gw_set_nodelay(conn)
            onAccept?(conn)
        }
    }

    /// Stops accepting and closes the fd (idempotent; on the loop).
    func close() {
        loop.assertInLoop()
        guard isOpen else { return }
        isOpen = false
        onAccept = nil
        loop.deregister(fd: fd)
        Glibc.close(fd)
    }
}
