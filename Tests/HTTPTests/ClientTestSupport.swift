import Foundation
import Glibc
import TestSupport
@testable import HTTP

/// A misbehaving origin for client tests: a blocking loopback server whose n-th accepted connection
/// is handled by the n-th script (on a background thread). Every read is bounded by a timeout.
final class ScriptedServer: @unchecked Sendable {
    // @unchecked: `fd` and `port` are immutable; the thread only reads `scripts`, also immutable.
    let fd: Int32
    let port: Int
    private let scripts: [@Sendable (ScriptedConnection) -> Void]

    init(_ scripts: [@Sendable (ScriptedConnection) -> Void]) {
        self.scripts = scripts
        let (fd, port) = LoopbackSocket.makeBound(listenBacklog: 16)
        self.fd = fd
        self.port = port
        let thread = Thread {
            for script in scripts {
                let conn = accept(fd, nil, nil)
                if conn < 0 { return }
                script(ScriptedConnection(fd: conn))
            }
        }
        thread.start()
    }

    deinit { Glibc.close(fd) }

    /// The origin to point a client at.
    var origin: HTTPOrigin { HTTPOrigin(host: "127.0.0.1", port: port) }
}

/// One accepted connection of a `ScriptedServer`.
final class ScriptedConnection {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var closed = false

    init(fd: Int32) {
        self.fd = fd
        var timeout = timeval(tv_sec: 30, tv_usec: 0)  // generous: a loaded CI box may be slow to send
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { if !closed { Glibc.close(fd) } }

    /// Reads until a request head (`\r\n\r\n`) was received; returns its text.
    @discardableResult
    func readHead() -> String {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while buffer.firstRange(of: [13, 10, 13, 10]) == nil {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            buffer.append(contentsOf: chunk[0..<n])
        }
        let end = buffer.firstRange(of: [13, 10, 13, 10])?.upperBound ?? buffer.count
        defer { buffer.removeFirst(end) }
        return String(decoding: buffer[..<end], as: UTF8.self)
    }

    /// Sends raw text.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Waits until the client closes (bounded by the receive timeout).
    func waitForClose() {
        var byte: UInt8 = 0
        while recv(fd, &byte, 1, 0) > 0 {}
    }

    /// Closes with a FIN.
    func close() {
        Glibc.close(fd)
        closed = true
    }

    /// Closes with an RST.
    func reset() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        Glibc.close(fd)
        closed = true
    }
}

/// Runs `body` and returns the `HTTPClientError` it threw (nil when it did not throw one).
func clientError(_ body: () async throws -> Void) async -> HTTPClientError? {
    do {
        try await body()
        return nil
    } catch let error as HTTPClientError {
        return error
    } catch {
        return nil
    }
}
