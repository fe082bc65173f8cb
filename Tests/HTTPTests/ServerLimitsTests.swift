import Foundation
import TestSupport
import Testing
@testable import HTTP

/// Timeouts, connection limits, cancellation and graceful shutdown.
@Suite struct ServerLimitsTests {
    static func short(_ change: (inout HTTPServerConfiguration) -> Void) -> HTTPServerConfiguration {
        var configuration = HTTPServerConfiguration()
        configuration.headerTimeout = .milliseconds(150)
        configuration.bodyTimeout = .milliseconds(150)
        configuration.idleTimeout = .milliseconds(150)
        change(&configuration)
        return configuration
    }

    @Test func partialHeadTimesOutWith408() async throws {
        try await withServer(Self.short { _ in }, handler: helloHandler) { server in
            let socket = try TestSocket(port: server.port)
            let start = ContinuousClock.now
            socket.send("GET / HTTP/1.1\r\nHost: x\r\n")
            #expect(await socket.readResponse()?.status == 408)
            #expect(await socket.peerClosed())
            #expect(ContinuousClock.now - start < .seconds(60))  // bounded by the timeout, not a hang (loose: loaded CI)
        }
    }

    @Test func slowlorisDribblingBytesCannotExtendTheHeaderTimeout() async throws {
        try await withServer(Self.short { $0.headerTimeout = .milliseconds(200) }, handler: helloHandler) { server in
            let socket = try TestSocket(port: server.port)
            // One byte every 40 ms keeps the socket busy; sending the whole head would take ~3 s.
            let head = Array("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".utf8)
            var sent = 0
            for byte in head where !socket.hasDataNow() {
                socket.send([byte])
                sent += 1
                try await Task.sleep(for: .milliseconds(40))
            }
            // The server answered (and stopped listening) long before the head was complete.
            #expect(sent < head.count)
            #expect(await socket.readResponse()?.status == 408)
        }
    }

    @Test func idleKeepAliveConnectionIsClosed() async throws {
        try await withServer(Self.short { $0.headerTimeout = .seconds(30) }, handler: helloHandler) { server in
            let socket = try TestSocket(port: server.port)
            socket.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await socket.readResponse()?.status == 200)
            let start = ContinuousClock.now
            #expect(await socket.peerClosed())
            #expect(ContinuousClock.now - start < .seconds(60))  // bounded by the timeout, not a hang (loose: loaded CI)
        }
    }

    @Test func connectionThatNeverSpeaksIsClosed() async throws {
        try await withServer(Self.short { _ in }, handler: helloHandler) { server in
            let socket = try TestSocket(port: server.port)
            #expect(await socket.peerClosed())
        }
    }

    @Test func stalledBodyTimesOutWith408() async throws {
        let echo: HTTPServerHandler = { request in
            HTTPServerResponse(status: .ok, body: .bytes(try await request.body.collect(upTo: 1024)))
        }
        try await withServer(Self.short { $0.headerTimeout = .seconds(30) }, handler: echo) { server in
            let socket = try TestSocket(port: server.port)
            socket.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
            let response = try #require(await socket.readResponse())
            #expect(response.status == 408)
            #expect(response.header("Connection") == "close")
        }
    }

    @Test func connectionsBeyondTheLimitGet503() async throws {
        try await withServer(Self.short { $0.maxConnections = 1; $0.idleTimeout = .seconds(30); $0.headerTimeout = .seconds(30) }, handler: helloHandler) { server in
            let first = try TestSocket(port: server.port)
            first.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await first.readResponse()?.status == 200)
            let second = try TestSocket(port: server.port)
            #expect(await second.readResponse()?.status == 503)
            // The first connection still works.
            first.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await first.readResponse()?.status == 200)
        }
    }

    @Test func clientDisconnectCancelsTheHandler() async throws {
        let started = TestLatch(), cancelled = TestLatch()
        let handler: HTTPServerHandler = { _ in
            started.fire()
            do {
                try await Task.sleep(for: .seconds(120))  // must end by cancellation (the client disconnects), never by itself
            } catch {
                cancelled.fire()
                throw error
            }
            return HTTPServerResponse(status: .ok)
        }
        try await withServer(handler: handler) { server in
            var socket: TestSocket? = try TestSocket(port: server.port)
            socket?.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await started.wait())
            socket = nil  // closes the socket
            #expect(await cancelled.wait())
            _ = socket
        }
    }

    @Test func gracefulShutdownFinishesInFlightRequestsAndStopsAccepting() async throws {
        let started = TestLatch(), release = TestLatch()
        let handler: HTTPServerHandler = { request in
            if request.head.target == "/slow" {
                started.fire()
                _ = await release.wait(timeout: .seconds(60))  // must outlast the test's steps on a loaded machine
            }
            return HTTPServerResponse(status: .ok, body: .string("done \(request.head.target)"))
        }
        let server = try await HTTPServer.start(configuration: HTTPServerConfiguration(), group: testGroup, handler: handler)
        let busy = try TestSocket(port: server.port)
        let idle = try TestSocket(port: server.port)
        idle.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await idle.readResponse()?.text == "done /fast")
        busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await started.wait())
        async let finished = server.shutdown(gracePeriod: .seconds(3))
        #expect(await eventually { server.core.isDraining })
        #expect(await idle.peerClosed())  // idle keep-alive connections close at once
        release.fire()
        let response = try #require(await busy.readResponse())
        #expect(response.text == "done /slow")
        #expect(response.header("Connection") == "close")
        #expect(await finished)
        #expect(server.openConnections == 0)
        #expect(throws: TestSocket.Failure.self) { try TestSocket(port: server.port) }
    }

    @Test func shutdownClosesConnectionsThatOutliveTheGracePeriod() async throws {
        let started = TestLatch()
        let handler: HTTPServerHandler = { _ in
            started.fire()
            try await Task.sleep(for: .seconds(120))  // cancelled by the forced close; long so a late grace timer on a loaded machine still finds it busy
            return HTTPServerResponse(status: .ok)
        }
        let server = try await HTTPServer.start(configuration: HTTPServerConfiguration(), group: testGroup, handler: handler)
        let socket = try TestSocket(port: server.port)
        socket.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await started.wait())
        let clean = await server.shutdown(gracePeriod: .milliseconds(100))
        #expect(!clean)
        #expect(await socket.peerClosed())
        #expect(server.openConnections == 0)
    }

    @Test func slowReaderPausesAStreamingProducer() async throws {
        let produced = Locked(0)
        let chunk = [UInt8](repeating: 0x61, count: 64 << 10)
        let total = 64 << 20  // 64 MiB: far more than the socket buffers hold
        let handler: HTTPServerHandler = { _ in
            HTTPServerResponse(status: .ok, body: .stream(length: total) { writer in
                for _ in 0..<(total / chunk.count) {
                    try await writer.write(chunk)
                    produced.update { $0 += chunk.count }
                }
            })
        }
        try await withServer(handler: handler) { server in
            let socket = try TestSocket(port: server.port)
            socket.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            // Nothing is read for a moment: the producer must stop once the socket buffers are full.
            try await Task.sleep(for: .milliseconds(150))
            let stalled = produced.value
            #expect(stalled < 16 << 20)
            let received = await OffPool.run {
                var count = 0
                while count < total && socket.fill() {
                    count += socket.pending.count
                    socket.pending.removeAll(keepingCapacity: true)
                }
                return count
            }
            #expect(received >= total)
        }
    }
}

@Suite struct ServerSignalTests {
    @Test func terminationSignalWaitReturnsTheSignalThatArrived() async {
        // SIGUSR2 stands in for SIGTERM; ignored up front so an early signal cannot kill the process.
        signal(SIGUSR2, SIG_IGN)
        let received = Locked<Int32>(0)
        let done = TestLatch()
        Task {
            received.set(await TerminationSignal.wait(for: [SIGUSR2]))
            done.fire()
        }
        // The source is installed asynchronously: signal until it is seen (bounded).
        for _ in 0..<100 {
            kill(getpid(), SIGUSR2)
            if await done.wait(timeout: .milliseconds(20)) { break }
        }
        #expect(received.value == SIGUSR2)
    }
}
