import Foundation
import TestSupport
import Testing
import Synchronization
@testable import HTTP

@Suite struct ClientTests {
    static func client(_ change: (inout HTTPClientConfiguration) -> Void = { _ in }) -> HTTPClient {
        var configuration = HTTPClientConfiguration()
        change(&configuration)
        return HTTPClient(configuration: configuration, group: testGroup)
    }

    @Test func getReturnsStatusHeadersAndBody() async throws {
        try await withServer(handler: helloHandler) { server in
            let client = Self.client()
            let response = try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/"))
            #expect(response.status == .ok)
            #expect(response.head.headers["Content-Type"] == "text/plain")
            #expect(try await response.body.collect(upTo: 100) == Array("hello".utf8))
        }
    }

    @Test func poolReusesAConnectionOnceTheBodyWasRead() async throws {
        try await withServer(handler: helloHandler) { server in
            let client = Self.client()
            let origin = HTTPOrigin(host: "127.0.0.1", port: server.port)
            for _ in 0..<5 {
                let response = try await client.execute(HTTPClientRequest(origin: origin))
                _ = try await response.body.collect(upTo: 100)
            }
            #expect(client.openConnections(to: origin) == 1)
            #expect(client.idleConnections(to: origin) == 1)
        }
    }

    @Test func unreadResponseKeepsItsConnectionOutOfThePool() async throws {
        try await withServer(handler: helloHandler) { server in
            let client = Self.client()
            let origin = HTTPOrigin(host: "127.0.0.1", port: server.port)
            let first = try await client.execute(HTTPClientRequest(origin: origin))
            let second = try await client.execute(HTTPClientRequest(origin: origin))
            #expect(client.openConnections(to: origin) == 2)
            _ = try await first.body.collect(upTo: 100)
            _ = try await second.body.collect(upTo: 100)
            #expect(client.idleConnections(to: origin) == 2)
        }
    }

    @Test func bodilessResponsesReturnTheConnectionImmediately() async throws {
        try await withServer(handler: helloHandler) { server in
            let client = Self.client()
            let origin = HTTPOrigin(host: "127.0.0.1", port: server.port)
            let head = try await client.execute(HTTPClientRequest(method: .HEAD, origin: origin))
            #expect(head.head.headers["Content-Length"] == "5")
            #expect(client.idleConnections(to: origin) == 1)
            let get = try await client.execute(HTTPClientRequest(origin: origin))
            #expect(try await get.body.collect(upTo: 100) == Array("hello".utf8))
        }
    }

    @Test func streamedRequestAndResponseBodies() async throws {
        let echo: HTTPServerHandler = { request in
            HTTPServerResponse(status: .ok, body: .stream { writer in
                for try await chunk in request.body { try await writer.write(chunk) }
            })
        }
        try await withServer(handler: echo) { server in
            let client = Self.client()
            let piece = [UInt8](repeating: 0x62, count: 100_000)
            let request = HTTPClientRequest(method: .POST, origin: HTTPOrigin(host: "127.0.0.1", port: server.port),
                                            body: .stream { writer in
                                                for _ in 0..<10 { try await writer.write(piece) }
                                            })
            let response = try await client.execute(request)
            #expect(response.head.headers["Transfer-Encoding"] == "chunked")
            var total = 0
            for try await chunk in response.body { total += chunk.count }
            #expect(total == 1_000_000)
        }
    }

    @Test func staleIdempotentRequestIsRetriedOnceOnAFreshConnection() async throws {
        let origin = ScriptedServer([
            { conn in
                conn.readHead()
                conn.send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst")
                conn.readHead()  // the next request arrives on a connection the server drops
            },
            { conn in
                conn.readHead()
                conn.send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfresh")
                conn.waitForClose()
            },
        ])
        let client = Self.client()
        let first = try await client.execute(HTTPClientRequest(origin: origin.origin))
        #expect(try await first.body.collect(upTo: 10) == Array("first".utf8))
        let second = try await client.execute(HTTPClientRequest(origin: origin.origin))
        #expect(try await second.body.collect(upTo: 10) == Array("fresh".utf8))
    }

    @Test func staleNonIdempotentRequestIsNotRetried() async throws {
        let origin = ScriptedServer([
            { conn in
                conn.readHead()
                conn.send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst")
                conn.readHead()
            },
        ])
        let client = Self.client()
        let first = try await client.execute(HTTPClientRequest(origin: origin.origin))
        _ = try await first.body.collect(upTo: 10)
        let error = await clientError {
            _ = try await client.execute(HTTPClientRequest(method: .POST, origin: origin.origin, body: .string("x")))
        }
        #expect(error == .reset(origin: origin.origin.description))
    }

    @Test func nonIdempotentRequestAvoidsAConnectionClosedWhileIdle() async throws {
        // The origin announces keep-alive, then closes the pooled connection. A POST cannot be
        // retried, so the client must notice the close (epoll event, or the MSG_PEEK it does for
        // requests without a retry) and use a fresh connection instead of failing.
        let (closedStream, closedSignal) = AsyncStream.makeStream(of: Void.self)
        let origin = ScriptedServer([
            { conn in
                conn.readHead()
                conn.send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst")
                conn.close()
                closedSignal.yield()
            },
            { conn in
                conn.readHead()
                conn.send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfresh")
                conn.waitForClose()
            },
        ])
        let client = Self.client()
        let first = try await client.execute(HTTPClientRequest(origin: origin.origin))
        #expect(try await first.body.collect(upTo: 10) == Array("first".utf8))
        var closed = closedStream.makeAsyncIterator()
        _ = await closed.next()
        let second = try await client.execute(HTTPClientRequest(method: .POST, origin: origin.origin, body: .string("x")))
        #expect(try await second.body.collect(upTo: 10) == Array("fresh".utf8))
    }

    @Test func refusedConnection() async {
        let origin = HTTPOrigin(host: "127.0.0.1", port: refusingLoopbackPort())
        let error = await clientError { _ = try await Self.client().execute(HTTPClientRequest(origin: origin)) }
        #expect(error == .refused(origin: origin.description))
        #expect(error?.gatewayStatus == .serviceUnavailable)
    }

    @Test func resetBeforeTheResponse() async {
        let origin = ScriptedServer([{ conn in conn.readHead(); conn.reset() }])
        let error = await clientError { _ = try await Self.client().execute(HTTPClientRequest(origin: origin.origin)) }
        #expect(error == .reset(origin: origin.origin.description))
        #expect(error?.gatewayStatus == .badGateway)
    }

    @Test func firstByteTimeout() async {
        let origin = ScriptedServer([{ conn in conn.readHead(); conn.waitForClose() }])
        let client = Self.client { $0.firstByteTimeout = .milliseconds(100) }
        let error = await clientError { _ = try await client.execute(HTTPClientRequest(origin: origin.origin)) }
        #expect(error == .timeout(stage: .firstByte, origin: origin.origin.description))
        #expect(error?.gatewayStatus == .gatewayTimeout)
    }

    @Test func bodyTimeoutAndTotalTimeout() async throws {
        let stalling: @Sendable (ScriptedConnection) -> Void = { conn in
            conn.readHead()
            conn.send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")
            conn.waitForClose()
        }
        let origin = ScriptedServer([stalling, stalling])
        let bodyClient = Self.client { $0.bodyTimeout = .milliseconds(100) }
        let response = try await bodyClient.execute(HTTPClientRequest(origin: origin.origin))
        let bodyError = await clientError { _ = try await response.body.collect(upTo: 100) }
        #expect(bodyError == .timeout(stage: .body, origin: origin.origin.description))

        let totalClient = Self.client { $0.totalTimeout = .milliseconds(150) }
        let second = try await totalClient.execute(HTTPClientRequest(origin: origin.origin))
        let totalError = await clientError { _ = try await second.body.collect(upTo: 100) }
        #expect(totalError == .timeout(stage: .total, origin: origin.origin.description))
    }

    @Test func malformedResponse() async {
        let origin = ScriptedServer([{ conn in conn.readHead(); conn.send("HTTP/1.1 2x0 Nope\r\n\r\n"); conn.waitForClose() }])
        let error = await clientError { _ = try await Self.client().execute(HTTPClientRequest(origin: origin.origin)) }
        guard case .malformedResponse? = error else {
            Issue.record("expected malformedResponse, got \(String(describing: error))")
            return
        }
    }

    @Test func bodyCutShort() async throws {
        let origin = ScriptedServer([{ conn in
            conn.readHead()
            conn.send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")
        }])
        let response = try await Self.client().execute(HTTPClientRequest(origin: origin.origin))
        let error = await clientError { _ = try await response.body.collect(upTo: 100) }
        #expect(error == .bodyCutShort(origin: origin.origin.description))
    }

    @Test func waitingForAFullPoolTimesOut() async throws {
        try await withServer(handler: helloHandler) { server in
            let client = Self.client { $0.maxConnectionsPerOrigin = 1; $0.poolTimeout = .milliseconds(100) }
            let origin = HTTPOrigin(host: "127.0.0.1", port: server.port)
            let held = try await client.execute(HTTPClientRequest(origin: origin))
            let error = await clientError { _ = try await client.execute(HTTPClientRequest(origin: origin)) }
            #expect(error == .timeout(stage: .pool, origin: origin.description))
            _ = try await held.body.collect(upTo: 100)
            let next = try await client.execute(HTTPClientRequest(origin: origin))
            #expect(try await next.body.collect(upTo: 100) == Array("hello".utf8))
        }
    }

    /// A task cancelled while (or just before) it waits for a full pool's slot ends at once with
    /// `.cancelled`: the wait cannot miss a cancellation that lands before it suspends.
    @Test(.timeLimit(.minutes(1))) func cancellingAWaitForAFullPoolEndsIt() async throws {
        try await withServer(handler: helloHandler) { server in
            let client = Self.client { $0.maxConnectionsPerOrigin = 1; $0.poolTimeout = .seconds(30) }
            let origin = HTTPOrigin(host: "127.0.0.1", port: server.port)
            let held = try await client.execute(HTTPClientRequest(origin: origin))
            for round in 0..<200 {
                let waiting = Task { try await client.execute(HTTPClientRequest(origin: origin)) }
                if round % 2 == 1 { await Task.yield() }  // let some of them reach the wait first
                waiting.cancel()
                let error = await clientError { _ = try await waiting.value }
                #expect(error == .cancelled)
            }
            _ = try await held.body.collect(upTo: 100)
            let next = try await client.execute(HTTPClientRequest(origin: origin))
            #expect(try await next.body.collect(upTo: 100) == Array("hello".utf8))
        }
    }

    /// RFC 9112 §9.5: an origin that answers (413) without reading a large body gets its answer
    /// through, instead of the client blocking on the full send buffer until its timeout.
    @Test func anEarlyResponseStopsTheUploadAndIsRead() async throws {
        let done = DispatchSemaphore(value: 0)
        let origin = ScriptedServer([{ conn in
            conn.readHead()
            conn.send("HTTP/1.1 413 Content Too Large\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbig!")
            _ = done.wait(timeout: .now() + 60)  // keeps the connection open without reading the body
        }])
        let client = Self.client { $0.firstByteTimeout = .seconds(20) }
        let body = [UInt8](repeating: 0x61, count: 64 << 20)  // far more than both socket buffers hold
        let response = try await client.execute(HTTPClientRequest(method: .POST, origin: origin.origin, body: .bytes(body)))
        #expect(response.status.code == 413)
        #expect(try await response.body.collect(upTo: 100) == Array("big!".utf8))
        done.signal()
        #expect(await eventually { client.openConnections(to: origin.origin) == 0 })  // not pooled: the body was cut off
    }

    @Test func invalidURLs() {
        for url in ["ftp://x/", "http://", "http://host:99999/", "http://[::1/", "http://a b/"] {
            #expect(throws: HTTPClientError.invalidURL(url)) { try HTTPClientRequest(url: url) }
        }
        let parsed = HTTPOrigin.parse(url: "http://[::1]:8080/a?b")
        #expect(parsed?.origin == HTTPOrigin(host: "::1", port: 8080))
        #expect(parsed?.target == "/a?b")
    }
}

@Suite struct ClientPoolLifetimeTests {
    @Test func idlePooledConnectionsCloseAfterTheIdleTimeout() async throws {
        try await withServer(handler: helloHandler) { server in
            let client = HTTPClient(configuration: HTTPClientConfiguration(idleTimeout: .milliseconds(100)), group: testGroup)
            let origin = HTTPOrigin(host: "127.0.0.1", port: server.port)
            _ = try await client.execute(HTTPClientRequest(origin: origin)).body.collect(upTo: 100)
            // (Not asserting "idle == 1" here: on a loaded machine the 100 ms may already have passed.)
            #expect(await eventually { client.openConnections(to: origin) == 0 })
        }
    }

    @Test func connectionClosedByTheOriginLeavesThePoolAndTheNextRequestSucceeds() async throws {
        var configuration = HTTPServerConfiguration()
        configuration.idleTimeout = .milliseconds(100)
        try await withServer(configuration, handler: helloHandler) { server in
            let client = HTTPClient(group: testGroup)
            let origin = HTTPOrigin(host: "127.0.0.1", port: server.port)
            _ = try await client.execute(HTTPClientRequest(origin: origin)).body.collect(upTo: 100)
            #expect(await eventually { client.openConnections(to: origin) == 0 })  // saw the FIN while idle
            let response = try await client.execute(HTTPClientRequest(method: .POST, origin: origin, body: .string("x")))
            #expect(try await response.body.collect(upTo: 100) == Array("hello".utf8))
        }
    }
}

/// Host names: looked up off the loops, reused for `addressCacheLifetime`, forgotten after a failed connect.
@Suite struct ClientAddressCacheTests {
    /// Counts lookups and answers 127.0.0.1 for the fake name `upstream.test`.
    final class CountingResolver: Sendable {
        private let lookups = Mutex(0)
        var count: Int { lookups.withLock { $0 } }
        func resolve(_ host: String) -> String? {
            lookups.withLock { $0 += 1 }
            return host == "upstream.test" ? "127.0.0.1" : nil
        }
    }

    /// Sends a request that closes its connection, so the next one must connect (and resolve) again.
    static func fetchOnce(_ client: HTTPClient, port: Int) async throws -> [UInt8] {
        let origin = HTTPOrigin(host: "upstream.test", port: port)
        let response = try await client.execute(HTTPClientRequest(origin: origin, headers: ["Connection": "close"]))
        return try await response.body.collect(upTo: 100)
    }

    static func client(_ resolver: CountingResolver, lifetime: Duration) -> HTTPClient {
        HTTPClient(configuration: HTTPClientConfiguration(addressCacheLifetime: lifetime), group: testGroup,
                   resolveHost: { resolver.resolve($0) })
    }

    @Test func anAddressIsReusedWithinItsLifetimeAndLookedUpAgainWithoutOne() async throws {
        try await withServer(handler: helloHandler) { server in
            let cached = CountingResolver()
            let cachingClient = Self.client(cached, lifetime: .seconds(600))
            for _ in 0..<3 {
                let body = try await Self.fetchOnce(cachingClient, port: server.port)
                #expect(body == Array("hello".utf8))
            }
            #expect(cached.count == 1)

            let uncached = CountingResolver()
            let uncachedClient = Self.client(uncached, lifetime: .zero)
            for _ in 0..<3 {
                let body = try await Self.fetchOnce(uncachedClient, port: server.port)
                #expect(body == Array("hello".utf8))
            }
            #expect(uncached.count == 3)
        }
    }

    @Test func aRefusedConnectForgetsTheAddress() async throws {
        let port = refusingLoopbackPort()
        let resolver = CountingResolver()
        let client = Self.client(resolver, lifetime: .seconds(600))
        for _ in 0..<2 {
            let error = await clientError { _ = try await Self.fetchOnce(client, port: port) }
            #expect(error == .refused(origin: "http://upstream.test:\(port)"))
        }
        #expect(resolver.count == 2)
    }

    @Test func anUnknownNameIsUnresolvable() async {
        let resolver = CountingResolver()
        let error = await clientError { _ = try await Self.client(resolver, lifetime: .seconds(600))
            .execute(HTTPClientRequest(origin: HTTPOrigin(host: "nowhere.test", port: 80))) }
        #expect(error == .unresolvable(host: "nowhere.test"))
    }
}
