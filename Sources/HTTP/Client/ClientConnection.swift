import CLinux
import Glibc

/// How one exchange on a connection failed, and whether retrying on a fresh connection is safe
/// (nothing of a response arrived, so the origin cannot have acted on a stale-connection request).
struct ExchangeFailure: Error {
    let error: HTTPClientError
    /// The connection failed before any response byte: an idempotent request may be retried once.
    let retryable: Bool
    /// The pooled connection was already dead before anything was sent (no retry is used up).
    var staleBeforeUse = false
}

/// One upstream connection: sends a request, parses the response (head, then body pieces on
/// demand), and goes back to its pool once the response was read completely.
///
/// `@unchecked Sendable` is sound because all mutable state is used on `channel.loop`'s thread:
/// `HTTPClient` runs every exchange under `withTaskExecutorPreference(loop)`, body sources and
/// sinks hop there, and timers / epoll callbacks run there.
final class ClientConnection: @unchecked Sendable {
    let channel: SocketChannel
    /// Byte I/O (TLS for https origins).
    let transport: Transport
    let pool: OriginPool
    var loop: EventLoop { channel.loop }
    var origin: HTTPOrigin { pool.origin }
    var parser: HTTPParser
    private var idleTimer: LoopTimer?
    var exchangeID = 0
    var bodyDone = true
    private var reusable = true
    var totalDeadline: UInt64?
    /// Request body streaming state.
    var requestStream = RequestStreamState()

    init(transport: Transport, pool: OriginPool) {
        channel = transport.channel
        self.transport = transport
        self.pool = pool
        parser = HTTPParser(kind: .response, limits: pool.core.configuration.limits)
    }

    /// Opens a TCP connection to `address` on `loop` (call on that loop).
    static func connect(address: String, pool: OriginPool, loop: EventLoop, deadline: UInt64) async throws(HTTPClientError) -> ClientConnection {
        loop.assertInLoop()
        let origin = pool.origin
        var inProgress: Int32 = 0
        let fd = gw_connect_tcp(address, Int32(origin.port), &inProgress)
        guard fd >= 0 else { throw map(SocketError.from(errno: -fd, operation: "connect"), stage: .connect, origin: origin) }
        let channel: SocketChannel
        do {
            channel = try SocketChannel.adopt(fd: fd, loop: loop)
        } catch {
            throw map(error, stage: .connect, origin: origin)
        }
        do {
            if inProgress != 0 { try await channel.finishConnect(deadline: deadline) }
        } catch {
            channel.close()
            throw map(error, stage: .connect, origin: origin)
        }
        guard origin.scheme == "https" else { return ClientConnection(transport: Transport(channel: channel), pool: pool) }
        let transport: Transport
        do {
            transport = Transport(channel: channel, tls: try TLSSession(context: try pool.core.tlsContext(), serverName: origin.host))
            try await transport.handshake(deadline: deadline)
        } catch let error as TLSError {
            channel.close()
            throw .tlsFailure(host: origin.host, reason: error.description)
        } catch let error as SocketError {
            channel.close()
            throw map(error, stage: .connect, origin: origin)
        } catch {
            channel.close()
            throw .tlsFailure(host: origin.host, reason: "\(error)")
        }
        return ClientConnection(transport: transport, pool: pool)
    }

    /// Maps a socket error in `stage` to the client's typed error.
    static func map(_ error: SocketError, stage: HTTPClientError.TimeoutStage, origin: HTTPOrigin) -> HTTPClientError {
        switch error {
        case .connectionRefused: return .refused(origin: origin.description)
        case .timedOut: return .timeout(stage: stage, origin: origin.description)
        case .cancelled: return .cancelled
        case .connectionReset, .closed, .system, .peerRespondedEarly: return .reset(origin: origin.description)
        case .tls(let error): return .tlsFailure(host: origin.host, reason: error.description)
        }
    }

    /// The earlier of `now + timeout` and the exchange's total deadline, with the stage that applies.
    func deadline(_ timeout: UInt64, stage: HTTPClientError.TimeoutStage) -> (UInt64, HTTPClientError.TimeoutStage) {
        let own = loop.now &+ timeout
        if let totalDeadline, totalDeadline < own { return (totalDeadline, .total) }
        return (own, stage)
    }

    /// Sends `request` and reads the response head. On return the body streams from this connection.
    nonisolated(nonsending) func send(_ request: HTTPClientRequest) async throws(ExchangeFailure) -> HTTPClientResponse {
        loop.assertInLoop()
        if let idleTimer { loop.cancel(idleTimer); self.idleTimer = nil }
        channel.onPeerClosed = nil
        // A reused connection the origin closed while idle raised an epoll event (`peerClosed`). One
        // whose close is still in flight is caught by the retry when the request is idempotent and
        // replayable; otherwise (no retry possible) the kernel is asked first (`MSG_PEEK`).
        let retryable = request.head.method.isIdempotent && request.body.isReplayable
        guard channel.isOpen, !channel.peerClosed, exchangeID == 0 || !channel.idlePeerClosed(verify: !retryable) else {
            discard()
            throw ExchangeFailure(error: .reset(origin: origin.description), retryable: true, staleBeforeUse: true)
        }
        exchangeID &+= 1
        bodyDone = false
        reusable = request.head.keepAlive
        try await writeRequest(request)
        let head = try await readResponseHead()
        if !head.keepAlive { reusable = false }
        if parser.framing == .untilClose { reusable = false }
        switch parser.framing {
        case .none?, .contentLength(0)?:
            // Consume the immediate `.end` so the connection is back in the pool before returning.
            _ = try? parser.next()
            finishExchange()
            return HTTPClientResponse(head: head, body: .empty)
        default:
            let source = ClientBodySource(connection: self, id: exchangeID)
            return HTTPClientResponse(head: head, body: HTTPBodyStream(source: source))
        }
    }

    nonisolated(nonsending) private func readResponseHead() async throws(ExchangeFailure) -> HTTPResponseHead {
        var received = false
        let (deadline, stage) = self.deadline(pool.core.firstByteTimeout, stage: .firstByte)
        while true {
            do {
                switch try parser.next() {
                case .responseHead(let head)?: return head
                case .interimResponse?: continue
                case nil: break
                case _?: continue
                }
            } catch {
                fail()
                throw ExchangeFailure(error: .malformedResponse(origin: origin.description, reason: error.message), retryable: false)
            }
            let got: Bool?
            do {
                got = try await transport.read(deadline: deadline) { parser.append($0); return true }
            } catch {
                fail()
                throw ExchangeFailure(error: Self.map(error, stage: stage, origin: origin),
                                      retryable: !received && (error == .connectionReset || error == .closed))
            }
            guard got != nil else {
                fail()
                if !received { throw ExchangeFailure(error: .reset(origin: origin.description), retryable: true) }
                let reason = (try? parser.finish()).map { _ in "connection closed in the response head" } ?? "connection closed in the response head"
                throw ExchangeFailure(error: .malformedResponse(origin: origin.description, reason: reason), retryable: false)
            }
            received = true
        }
    }

    /// The body finished: back to the pool when the connection can carry another request, else close.
    func finishExchange() {
        bodyDone = true
        if reusable && channel.isOpen && !channel.peerClosed && parser.isIdle {
            park()
            pool.release(self)
        } else {
            discard()
        }
    }

    /// The connection will close after this exchange (e.g. the origin answered before the whole
    /// request body was sent, so the rest of the body was never framed on the wire).
    func markNotReusable() { reusable = false }

    /// The exchange failed: the connection cannot be trusted any more.
    func fail() {
        bodyDone = true
        discard()
    }

    /// Closes and tells the pool (idempotent).
    func discard() {
        guard channel.isOpen else { return }
        transport.close()
        pool.discarded(self)
    }

    /// The response body was dropped unread: close rather than reuse.
    func abandon(id: Int) {
        guard id == exchangeID, !bodyDone else { return }
        fail()
    }

    /// Arms the idle timer and the peer-close watch while pooled.
    private func park() {
        idleTimer = loop.schedule(afterNanoseconds: pool.core.idleTimeout) { [weak self] in self?.expire() }
        channel.onPeerClosed = { [weak self] in self?.expire() }
    }

    /// Idle timeout or peer close while pooled: leave the pool and close.
    private func expire() {
        if let idleTimer { loop.cancel(idleTimer); self.idleTimer = nil }
        if pool.removeIdle(self) { discard() }
    }
}
