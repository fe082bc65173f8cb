import Glibc

import Foundation
import TestSupport

/// A blocking loopback TCP client for tests; every receive is bounded by `SO_RCVTIMEO`. The
/// receiving calls are `async`: they block a helper thread, never the cooperative pool (a blocked
/// pool thread would stall every other test in the process).
///
/// `@unchecked Sendable`: one test uses a socket at a time; while a helper thread reads, the test
/// task is suspended awaiting it.
final class TestSocket: @unchecked Sendable {
    /// Why a test socket could not connect.
    struct Failure: Error { let errno: Int32 }

    let fd: Int32
    /// Bytes received but not yet consumed by `receive(until:)`.
    var pending: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; receives give up after `timeoutMilliseconds`.
    init(port: Int, timeoutMilliseconds: Int = 10_000) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: timeoutMilliseconds / 1000, tv_usec: (timeoutMilliseconds % 1000) * 1000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))  // bounds connect too
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        if LoopbackSocket.connect(fd, port: port) != 0 {
            let code = errno
            Glibc.close(fd)
            throw Failure(errno: code)
        }
    }

    deinit { Glibc.close(fd) }

    /// Sends all of `text`.
    func send(_ text: String) { send(Array(text.utf8)) }

    /// Sends all of `bytes`.
    func send(_ bytes: [UInt8]) { LoopbackSocket.sendAll(fd, bytes) }

    /// Reads until `done(buffer)` is true, EOF, or the timeout; returns and consumes everything read.
    func receive(until done: ([UInt8]) -> Bool) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !done(pending) {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            pending.append(contentsOf: buffer[0..<n])
        }
        defer { pending = [] }
        return pending
    }

    /// Reads until the peer closes (or the timeout) and returns the text.
    func blockingReadToEnd() -> String { String(decoding: receive(until: { _ in false }), as: UTF8.self) }

    /// Reads until `count` occurrences of `marker` were seen (or EOF/timeout).
    func blockingReceive(count: Int, of marker: String) -> String {
        let bytes = receive { String(decoding: $0, as: UTF8.self).components(separatedBy: marker).count - 1 >= count }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads more bytes into `pending`; false at EOF, error or timeout.
    func fill() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n <= 0 { return false }
        pending.append(contentsOf: buffer[0..<n])
        return true
    }

    /// True when the peer has closed: a read returns EOF (or reset) before the timeout.
    func blockingPeerClosed() -> Bool {
        pending = []
        var byte: UInt8 = 0
        while true {
            let n = recv(fd, &byte, 1, 0)
            if n == 0 { return true }
            if n < 0 { return errno == ECONNRESET }
        }
    }

    /// True when bytes (or EOF) are waiting to be read right now (non-blocking peek).
    func hasDataNow() -> Bool {
        var byte: UInt8 = 0
        let n = recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return n >= 0
    }

    /// Half-closes the sending side.
    func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    /// Reads until the peer closes (or the timeout) and returns the text.
    func readToEnd() async -> String { await OffPool.run { self.blockingReadToEnd() } }

    /// Reads until `count` occurrences of `marker` were seen (or EOF/timeout).
    func receive(count: Int, of marker: String) async -> String {
        await OffPool.run { self.blockingReceive(count: count, of: marker) }
    }

    /// True when the peer has closed before the timeout.
    func peerClosed() async -> Bool { await OffPool.run { self.blockingPeerClosed() } }

    /// Reads more bytes into `pending`; false at EOF, error or timeout.
    func fillAsync() async -> Bool { await OffPool.run { self.fill() } }
}
