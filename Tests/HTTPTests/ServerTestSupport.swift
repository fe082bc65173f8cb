import Foundation
import TestSupport
import Testing
@testable import HTTP

/// One parsed response read off a raw test socket.
struct RawResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }
    /// First value of a header (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

extension TestSocket {
    /// Reads one response: head, then a Content-Length, chunked or until-close body
    /// (`noBody` for responses to HEAD and for 1xx). Leaves later bytes in `pending`.
    func blockingReadResponse(noBody: Bool = false) -> RawResponse? {
        let separator: [UInt8] = [13, 10, 13, 10]
        var headEnd: Int?
        while headEnd == nil {
            headEnd = pending.firstRange(of: separator)?.upperBound
            if headEnd == nil && !fill() { return nil }
        }
        guard let end = headEnd else { return nil }
        let headText = String(decoding: pending[..<end], as: UTF8.self)
        pending.removeFirst(end)
        var lines = headText.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        guard !lines.isEmpty else { return nil }
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        let headers = lines.map { line -> (String, String) in
            let parts = line.split(separator: ":", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        }
        var response = RawResponse(status: status, headers: headers, body: [])
        if noBody || status < 200 || status == 204 || status == 304 { return response }
        if let length = response.header("Content-Length").flatMap(Int.init) {
            while pending.count < length { if !fill() { return nil } }
            response.body = Array(pending[..<length])
            pending.removeFirst(length)
        } else if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            while true {
                var lineEnd: Int?
                while lineEnd == nil {
                    lineEnd = pending.firstRange(of: [13, 10])?.lowerBound
                    if lineEnd == nil && !fill() { return nil }
                }
                guard let le = lineEnd, let size = Int(String(decoding: pending[..<le], as: UTF8.self), radix: 16) else { return nil }
                pending.removeFirst(le + 2)
                while pending.count < size + 2 { if !fill() { return nil } }
                response.body.append(contentsOf: pending[..<size])
                pending.removeFirst(size + 2)
                if size == 0 { break }
            }
        } else {
            while fill() {}
            response.body = pending
            pending = []
        }
        return response
    }
}

extension TestSocket {
    /// Reads one response (see `blockingReadResponse`) on a helper thread.
    func readResponse(noBody: Bool = false) async -> RawResponse? {
        await OffPool.run { self.blockingReadResponse(noBody: noBody) }
    }
}

/// Polls `condition` every 10 ms for at most `limit` (for state with nothing to await).
func eventually(_ limit: Duration = .seconds(5), _ condition: () -> Bool) async -> Bool {
    let end = ContinuousClock.now + limit
    while ContinuousClock.now < end {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// A one-shot signal a test can await with a bound.
final class TestLatch: Sendable {
    private let state = Locked<(fired: Bool, waiters: [OneShotWait])>((false, []))

    /// Fires the latch (idempotent).
    func fire() {
        var toFinish: [OneShotWait] = []
        state.update { s in
            s.fired = true
            toFinish = s.waiters
            s.waiters = []
        }
        for waiter in toFinish { waiter.finish(true) }
    }

    /// True once fired.
    var fired: Bool { state.value.fired }

    /// Waits for the latch or `timeout`; returns whether it fired.
    func wait(timeout: Duration = .seconds(30)) async -> Bool {  // generous: returns as soon as fired
        let waiter = OneShotWait()
        var already = false
        state.update { s in
            if s.fired { already = true } else { s.waiters.append(waiter) }
        }
        if already { return true }
        _ = await waiter.wait(timeout: timeout)
        return fired
    }
}

/// Loops shared by the server and client tests.
let testGroup = EventLoopGroup(loopCount: 2)

/// Starts a server on 127.0.0.1 with an OS-chosen port, runs `body`, then shuts the server down.
func withServer(_ configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
                handler: @escaping HTTPServerHandler,
                _ body: (HTTPServer) async throws -> Void) async throws {
    let server = try await HTTPServer.start(configuration: configuration, group: testGroup, handler: handler)
    do {
        try await body(server)
    } catch {
        await server.shutdown(gracePeriod: .milliseconds(100))
        throw error
    }
    await server.shutdown(gracePeriod: .milliseconds(100))
}

/// A handler answering `hello` (or the request path for `/echo-path`).
let helloHandler: HTTPServerHandler = { request in
    HTTPServerResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: .string("hello"))
}
