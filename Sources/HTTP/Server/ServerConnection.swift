import CLinux
import Glibc

/// One accepted connection: a task on the connection's loop reads requests in order, runs the
/// handler, writes the response, and repeats while keep-alive allows (pipelined requests wait in
/// the parser's buffer, so responses go out in order).
///
/// `@unchecked Sendable` is sound because all mutable state is used on `context.loop`'s thread:
/// the connection task prefers that loop as its executor, epoll callbacks and server control
/// (`beginDraining`, `forceClose`) run there via `loop.execute`, and the body source / sink hop to
/// the loop (`withTaskExecutorPreference`) when called from elsewhere.
final class ServerConnection: @unchecked Sendable {
    let channel: SocketChannel
    /// Byte I/O (TLS when the server terminates it).
    let transport: Transport
    let context: ServerLoopContext
    let core: ServerCore
    let remoteAddress: String
    var loop: EventLoop { context.loop }
    var parser: HTTPParser
    private var task: Task<Void, Never>?
    /// True while waiting for the next request head (no handler running).
    private var waitingForRequest = true
    private var draining = false

    // The request being handled (see ServerConnection+Body.swift).
    var requestID = 0
    var bodyOpen = false
    var bodyFinished = true
    var continuePending = false
    var bodyFailure: HTTPBodyError?
    // The streamed response being written.
    var stream = ResponseStreamState()

    private static let serviceUnavailable = Array(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)

    private init(transport: Transport, context: ServerLoopContext, core: ServerCore, remoteAddress: String) {
        channel = transport.channel
        self.transport = transport
        self.context = context
        self.core = core
        self.remoteAddress = remoteAddress
        parser = HTTPParser(kind: .request, limits: core.configuration.limits)
    }

    /// Takes over an accepted fd (on its loop): counts it, or answers 503 when at `maxConnections`.
    static func accept(fd: Int32, context: ServerLoopContext, core: ServerCore) {
        guard core.tryOpen() else {
            _ = serviceUnavailable.withUnsafeBytes { gw_send(fd, $0.baseAddress, $0.count) }
            Glibc.close(fd)
            return
        }
        let remote = peerName(fd)
        let transport: Transport
        do {
            let channel = try SocketChannel.adopt(fd: fd, loop: context.loop)
            channel.wakesOnCancel = false  // see SocketChannel.wakesOnCancel
            do {
                transport = Transport(channel: channel, tls: try core.tlsContext.map { try TLSSession(context: $0) })
            } catch {
                channel.close()
                throw SocketError.closed
            }
        } catch {
            core.closed()
            return
        }
        let connection = ServerConnection(transport: transport, context: context, core: core, remoteAddress: remote)
        let channel = transport.channel
        context.connections[ObjectIdentifier(connection)] = connection
        channel.onPeerClosed = { [unowned connection] in
            // A client that goes away mid-request cancels its handler's task.
            if !connection.waitingForRequest { connection.task?.cancel() }
        }
        connection.task = Task(executorPreference: context.loop) { await connection.run() }
    }

    private static func peerName(_ fd: Int32) -> String {
        var text = [CChar](repeating: 0, count: 64)
        var port: Int32 = 0
        guard gw_peer_name(fd, &text, text.count, &port) == 0 else { return "" }
        return text.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Shutdown began: close now if idle between requests, else after the current response.
    func beginDraining() {
        draining = true
        if waitingForRequest && parser.isIdle { channel.close() }
    }

    /// The grace period ended: cancel the handler and close.
    func forceClose() {
        task?.cancel()
        channel.close()
    }

    /// The connection's life: request after request until close.
    nonisolated(nonsending) private func run() async {
        var first = true
        var lingering = false
        if transport.tls != nil {
            do {
                try await transport.handshake(deadline: loop.now &+ core.headerTimeout)
            } catch {
                finishClosing()
                return
            }
        }
        connection: while !Task.isCancelled && channel.isOpen {
            switch await readHead(first: first) {
            case .head(let head):
                first = false
                switch await respond(to: head) {
                case .keepAlive:
                    if draining || core.isDraining { lingering = true; break connection }
                case .close:
                    lingering = true
                    break connection
                case .abort:
                    break connection
                }
            case .closed:
                break connection
            case .failed(let status):
                await writeError(status)
                lingering = true
                break connection
            }
        }
        if lingering { await lingeringClose() }
        finishClosing()
    }

    private func finishClosing() {
        transport.close()
        context.connections[ObjectIdentifier(self)] = nil
        core.closed()
    }

    /// How reading the next request head ended.
    private enum HeadResult { case head(HTTPRequestHead), closed, failed(HTTPStatus) }

    /// Reads until a full request head is parsed. Before its first byte the idle timeout applies
    /// (the header timeout for a fresh connection); from its first byte the header timeout, counted
    /// once, so a client dribbling bytes cannot extend it.
    nonisolated(nonsending) private func readHead(first: Bool) async -> HeadResult {
        waitingForRequest = true
        defer { waitingForRequest = false }
        let idleDeadline = loop.now &+ (first ? core.headerTimeout : core.idleTimeout)
        var headDeadline: UInt64?
        while true {
            do {
                switch try parser.next() {
                case .requestHead(let head)?: return .head(head)
                case nil: break
                case _?: continue
                }
            } catch {
                return .failed(error.status)
            }
            if (draining || core.isDraining) && parser.isIdle { return .closed }
            if headDeadline == nil && !parser.isIdle { headDeadline = loop.now &+ core.headerTimeout }
            do {
                let got: Bool? = try await transport.read(deadline: headDeadline ?? idleDeadline) { parser.append($0); return true }
                if got == nil { return .closed }  // EOF (mid-head there is nobody to answer)
            } catch .timedOut {
                return parser.isIdle ? .closed : .failed(.requestTimeout)
            } catch {
                return .closed
            }
        }
    }

    /// Whether the connection continues after a response.
    enum Outcome { case keepAlive, close, abort }

    /// Runs the handler for one request and writes its response.
    nonisolated(nonsending) private func respond(to head: HTTPRequestHead) async -> Outcome {
        requestID &+= 1
        bodyOpen = true
        bodyFinished = false
        bodyFailure = nil
        let hasBody: Bool
        switch parser.framing {
        case .contentLength(let n)?: hasBody = n > 0
        case .chunked?: hasBody = true
        default: hasBody = false
        }
        continuePending = hasBody && head.expectsContinue && head.version == .http1_1
        var keepAlive = head.keepAlive && !core.isDraining && !draining
        let source = ServerBodySource(connection: self, id: requestID)
        let request = HTTPServerRequest(head: head, body: HTTPBodyStream(source: source), remoteAddress: remoteAddress)
        var response: HTTPServerResponse
        do {
            response = try await core.handler(request)
        } catch {
            if Task.isCancelled || !channel.isOpen || channel.peerClosed { return .abort }
            response = Self.errorResponse(status: statusForFailedHandler())
            keepAlive = false
        }
        if Task.isCancelled || !channel.isOpen { return .abort }
        if bodyFailure != nil || (continuePending && !bodyFinished) { keepAlive = false }
        if draining || core.isDraining { keepAlive = false }  // shutdown began while the handler ran
        if response.headers.containsToken("close", in: "Connection") { keepAlive = false }
        switch await writeResponse(response, for: head, keepAlive: &keepAlive) {
        case .written: break
        case .failedBeforeHead:
            await writeError(.internalServerError)
            bodyOpen = false
            return .close
        case .failedAfterHead:
            bodyOpen = false
            return .abort
        }
        if keepAlive && !bodyFinished { keepAlive = await discardBody() }
        bodyOpen = false
        return keepAlive ? .keepAlive : .close
    }

    /// A body failure seen by the handler decides the status (413, 400, 408); otherwise 500.
    private func statusForFailedHandler() -> HTTPStatus {
        switch bodyFailure {
        case .tooLarge?: return .contentTooLarge
        case .invalid(let error)?: return error.status
        case .timedOut?: return .requestTimeout
        default: return .internalServerError
        }
    }

    /// A small plain-text error response with no internal detail.
    static func errorResponse(status: HTTPStatus) -> HTTPServerResponse {
        HTTPServerResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"],
                           body: .string("\(status.code) \(status.reasonPhrase)\n"))
    }

    /// Answers a request that cannot be served (parse error, timeout) and marks the connection closing.
    nonisolated(nonsending) private func writeError(_ status: HTTPStatus) async {
        var keepAlive = false
        let head = HTTPRequestHead(method: .GET, target: "/", version: .http1_1, headers: ["Host": "error"])
        _ = await writeResponse(Self.errorResponse(status: status), for: head, keepAlive: &keepAlive)
    }

    /// Closes our sending side, then reads and drops what the client still sends (briefly, bounded)
    /// so that closing does not turn into an RST that destroys the response in flight.
    nonisolated(nonsending) private func lingeringClose() async {
        guard channel.isOpen else { return }
        shutdown(channel.fd, Int32(SHUT_WR))
        let deadline = loop.now &+ 500_000_000
        var budget = 64 << 10
        while budget > 0 {
            guard let n = try? await transport.read(deadline: deadline, { $0.count }) else { return }
            budget -= n
        }
    }
}
