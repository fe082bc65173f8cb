import CLinux
import Glibc

/// A non-blocking TCP socket registered (edge-triggered) on one event loop, with `async` reads and
/// writes. Waiting happens on continuations resumed by epoll events, timers or cancellation.
///
/// `@unchecked Sendable` is sound because every stored `var` is touched only on `loop`'s thread:
/// the public async methods are called from tasks whose executor preference is `loop` (asserted),
/// epoll callbacks and timers run on the loop, and cancellation handlers hop there via `execute`.
final class SocketChannel: EventLoopSelectable, @unchecked Sendable {
    /// The file descriptor (valid while `isOpen`).
    let fd: Int32
    /// The loop this socket is registered on.
    let loop: EventLoop
    private(set) var isOpen = true
    /// Edge-triggered readiness: assume ready until a syscall says EAGAIN.
    private var readable = true
    private var writable = true
    /// The peer sent FIN or the socket errored (EPOLLRDHUP / HUP / ERR).
    private(set) var peerClosed = false
    /// One direction's pending wait: the parked task and its reusable timer for bounded waits
    /// (made on first use: no allocation per wait after that).
    private struct WaitSlot {
        var waiter: UnsafeContinuation<Result<Void, SocketError>, Never>?
        var timer: LoopTimer?
    }
    private var reading = WaitSlot()
    private var writing = WaitSlot()
    /// Called once on the loop when the peer goes away (used to cancel a handler task).
    var onPeerClosed: (() -> Void)?
    /// Whether a wait installs a task-cancellation handler (it costs a lock in the concurrency
    /// runtime per wait). Server sockets turn it off: their task is only ever cancelled together with
    /// an event that wakes the wait anyway (peer close → EOF/HUP, forced shutdown → `close()`).
    var wakesOnCancel = true
    /// While set, a write that has to wait for buffer space gives up with `.peerRespondedEarly` as
    /// soon as the peer has sent something (RFC 9112 §9.5: a client sending a body should watch for
    /// an error response and stop sending). Set by the client around writing a request.
    var yieldsBlockedWriteToIncomingData = false
    private let readStorage: ReadStorage

    /// Edge-triggered (default): registered once for IN|OUT|RDHUP, never modified. Level-triggered
    /// exists only to measure the choice (`GATEWAY_EPOLL_MODE=level`, read once at start): interest
    /// then follows demand with `epoll_ctl(MOD)`, or a pending-but-unread socket would spin the loop.
    enum TriggerMode { case edge, level }
    /// The mode for every socket of this process.
    static let triggerMode: TriggerMode = getenv("GATEWAY_EPOLL_MODE").map { String(cString: $0) } == "level" ? .level : .edge
    /// Events every socket is registered for, once, for its whole life (edge-triggered).
    static let interest: UInt32 = GW_EPOLLIN | GW_EPOLLOUT | GW_EPOLLRDHUP | GW_EPOLLET
    /// Level-triggered mode: the events currently registered.
    private var levelInterest: UInt32 = GW_EPOLLIN | GW_EPOLLRDHUP

    private init(fd: Int32, loop: EventLoop, readBufferSize: Int) {
        self.fd = fd
        self.loop = loop
        readStorage = ReadStorage(capacity: readBufferSize)
    }

    /// Registers an already-connected socket on `loop` (must be called on that loop).
    static func adopt(fd: Int32, loop: EventLoop, readBufferSize: Int = 16 * 1024) throws(SocketError) -> SocketChannel {
        loop.assertInLoop()
        let channel = SocketChannel(fd: fd, loop: loop, readBufferSize: readBufferSize)
        let events = triggerMode == .edge ? interest : channel.levelInterest
        guard loop.register(fd: fd, events: events, handler: channel) else {
            let code = gw_errno()
            Glibc.close(fd)
            channel.isOpen = false
            throw .system(operation: "epoll_ctl", errno: code)
        }
        return channel
    }

    func eventLoopReady(events: UInt32) {
        let failed = events & (GW_EPOLLHUP | GW_EPOLLERR) != 0
        if events & (GW_EPOLLIN | GW_EPOLLRDHUP) != 0 || failed {
            readable = true
            resume(.read, .success(()))
            if yieldsBlockedWriteToIncomingData && events & GW_EPOLLIN != 0 { resume(.write, .failure(.peerRespondedEarly)) }
        }
        if events & GW_EPOLLOUT != 0 || failed {
            writable = true
            resume(.write, .success(()))
        }
        if events & GW_EPOLLRDHUP != 0 || failed, !peerClosed {
            peerClosed = true
            let callback = onPeerClosed
            onPeerClosed = nil
            callback?()
        }
        if Self.triggerMode == .level && isOpen {
            var wanted = levelInterest
            if reading.waiter == nil { wanted &= ~GW_EPOLLIN }
            if writing.waiter == nil { wanted &= ~GW_EPOLLOUT }
            if peerClosed { wanted &= ~GW_EPOLLRDHUP }
            setLevelInterest(wanted)
        }
    }

    /// Level-triggered mode only: re-registers when the wanted events change.
    private func setLevelInterest(_ events: UInt32) {
        guard events != levelInterest else { return }
        levelInterest = events
        loop.modify(fd: fd, events: events)
    }

    /// Reads what is available (waiting until `deadline`, a monotonic ns value, if nothing is) and
    /// passes the bytes to `body`; the pointer is valid only inside `body`. Returns nil at EOF.
    nonisolated(nonsending) func read<R>(deadline: UInt64?, _ body: (UnsafeRawBufferPointer) -> R) async throws(SocketError) -> R? {
        loop.assertTaskOnLoop()
        if loop.turnBudgetExceeded { await loop.yieldUntilNextTurn() }
        while true {
            guard isOpen else { throw .closed }
            if readable {
                let n = Glibc.read(fd, readStorage.base, readStorage.capacity)
                if n > 0 {
                    // A short read drained the socket; with edge-triggered epoll any later data (or
                    // FIN) raises a new event, so skip the read that would only say EAGAIN. After
                    // RDHUP keep reading until EOF.
                    if n < readStorage.capacity && !peerClosed { readable = false }
                    return body(UnsafeRawBufferPointer(start: readStorage.base, count: n))
                }
                if n == 0 { return nil }
                let code = gw_errno()
                if code == EINTR { continue }
                if code != EAGAIN && code != EWOULDBLOCK { throw SocketError.from(errno: code, operation: "read") }
                readable = false
            }
            try await wait(.read, deadline: deadline)
        }
    }

    /// Writes all bytes of `parts` in order with as few `writev` calls as possible, waiting for
    /// the socket to drain (back-pressure) until `deadline`.
    nonisolated(nonsending) func write(_ a: [UInt8], _ b: [UInt8] = [], _ c: [UInt8] = [], deadline: UInt64?) async throws(SocketError) {
        loop.assertTaskOnLoop()
        if loop.turnBudgetExceeded { await loop.yieldUntilNextTurn() }
        var offset = 0
        let total = a.count + b.count + c.count
        while offset < total {
            guard isOpen else { throw .closed }
            if writable {
                let n = IOVector.writev(fd: fd, a, b, c, skipping: offset)
                if n >= 0 {
                    offset += n
                    if offset < total { writable = false }  // partial write: the send buffer is full
                    continue
                }
                let code = gw_errno()
                if code == EINTR { continue }
                if code != EAGAIN && code != EWOULDBLOCK { throw SocketError.from(errno: code, operation: "writev") }
                writable = false
            }
            // An early response that arrived before this wait raised its edge already: ask the kernel.
            if yieldsBlockedWriteToIncomingData && peekOneByte() > 0 { throw .peerRespondedEarly }
            try await wait(.write, deadline: deadline)
        }
    }

    /// Looks at the receive buffer without consuming it (non-blocking `MSG_PEEK` of one byte, one
    /// syscall): > 0 bytes wait, 0 the peer closed, < 0 nothing yet or an error (see `errno`).
    private func peekOneByte() -> Int {
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
    }

    /// Waits for a non-blocking connect to finish, then reports its outcome.
    nonisolated(nonsending) func finishConnect(deadline: UInt64?) async throws(SocketError) {
        loop.assertTaskOnLoop()
        writable = false
        while true {
            let code = gw_socket_error(fd)
            if code != 0 { throw SocketError.from(errno: code, operation: "connect") }
            if writable { return }
            try await wait(.write, deadline: deadline)
        }
    }

    /// Whether the peer closed or reset this idle socket (checked before reusing a pooled client
    /// connection). A FIN/RST or stray bytes raise an epoll edge that sets `peerClosed` / `readable`;
    /// while neither is set the socket counts as alive without a syscall (nginx's keep-alive cache
    /// works the same way). With `verify` — or when the socket may have unread input — a non-blocking
    /// `MSG_PEEK` asks the kernel, which also sees a close the loop has not dispatched yet.
    func idlePeerClosed(verify: Bool) -> Bool {
        loop.assertInLoop()
        if peerClosed || !isOpen { return true }
        if !verify && !readable { return false }
        let n = peekOneByte()
        if n == 0 { return true }
        if n < 0 { let code = gw_errno(); return code != EAGAIN && code != EWOULDBLOCK && code != EINTR }
        return false
    }

    /// Closes the socket (idempotent); pending waits fail with `.closed`.
    func close() {
        loop.assertInLoop()
        guard isOpen else { return }
        isOpen = false
        loop.deregister(fd: fd)
        Glibc.close(fd)
        onPeerClosed = nil
        resume(.read, .failure(.closed))
        resume(.write, .failure(.closed))
    }

    /// Closes with an RST instead of a FIN (SO_LINGER 0).
    func reset() {
        guard isOpen else { return }
        _ = gw_set_linger_zero(fd)
        close()
    }

    deinit {
        if isOpen { Glibc.close(fd) }
    }

    // MARK: waiting

    /// Which half of the socket a wait is for.
    private enum Direction { case read, write }

    /// Waits until the socket may be readable / writable, fails at `deadline` or on close (and on
    /// task cancellation when `wakesOnCancel`).
    nonisolated(nonsending) private func wait(_ direction: Direction, deadline: UInt64?) async throws(SocketError) {
        if Task.isCancelled { throw .cancelled }
        guard wakesOnCancel else { return try await suspend(direction, deadline: deadline).get() }
        let result = await withTaskCancellationHandler {
            await suspend(direction, deadline: deadline)
        } onCancel: {
            loop.execute { [self] in resume(direction, .failure(.cancelled)) }
        }
        try result.get()
    }

    /// Parks the task's continuation in the direction's slot and arms that direction's reusable timer.
    nonisolated(nonsending) private func suspend(_ direction: Direction, deadline: UInt64?) async -> Result<Void, SocketError> {
        let start = StallReport.enabled ? gw_monotonic_ns() : 0
        let result = await withUnsafeContinuation { (continuation: UnsafeContinuation<Result<Void, SocketError>, Never>) in
            if Self.triggerMode == .level { setLevelInterest(levelInterest | (direction == .read ? GW_EPOLLIN : GW_EPOLLOUT)) }
            let timer = withSlot(direction) { slot -> LoopTimer? in
                assert(slot.waiter == nil, "two concurrent \(direction)s on fd \(fd)")
                slot.waiter = continuation
                if deadline != nil && slot.timer == nil {
                    slot.timer = LoopTimer(reusable: { [weak self] in self?.resume(direction, .failure(.timedOut)) })
                }
                return slot.timer
            }
            if let deadline, let timer { loop.arm(timer, atDeadline: deadline) }
        }
        if StallReport.enabled { reportLongWait(direction, since: start, deadline: deadline, result: result) }
        return result
    }

    /// Gives `body` the direction's wait slot to read and change.
    @inline(__always)
    private func withSlot<R>(_ direction: Direction, _ body: (inout WaitSlot) -> R) -> R {
        switch direction {
        case .read: return body(&reading)
        case .write: return body(&writing)
        }
    }

    /// Stall report: a wait that lasted longer than `StallReport.longWait`.
    private func reportLongWait(_ direction: Direction, since start: UInt64, deadline: UInt64?, result: Result<Void, SocketError>) {
        let waited = gw_monotonic_ns() &- start
        guard waited > StallReport.longWait else { return }
        let bound = deadline.map { "\(Int64(bitPattern: $0 &- start) / 1_000_000) ms" } ?? "none"
        let outcome: String
        switch result {
        case .success: outcome = "ready"
        case .failure(let error): outcome = "\(error)"
        }
        StallReport.log("loop \(loop.index) fd \(fd): \(direction) waited \(waited / 1_000_000) ms (deadline \(bound)) → \(outcome); open \(isOpen) peerClosed \(peerClosed)")
    }

    /// Ends the direction's wait (if any) with `result` and stops its timer.
    private func resume(_ direction: Direction, _ result: Result<Void, SocketError>) {
        let waiter = withSlot(direction) { slot -> UnsafeContinuation<Result<Void, SocketError>, Never>? in
            if let timer = slot.timer, timer.isScheduled { loop.cancel(timer) }
            defer { slot.waiter = nil }
            return slot.waiter
        }
        waiter?.resume(returning: result)
    }
}
