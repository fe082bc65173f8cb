import Foundation
import Glibc
import TestSupport
import Testing
@testable import HTTP

/// The client inside a server handler (the gateway's shape), and the connect timeout.
@Suite struct ClientProxyTests {
    @Test func connectTimeoutWhenTheOriginNeverAnswersTheHandshake() async throws {
        // A listener that never accepts and has a full backlog: further SYNs are dropped.
        let (fd, port) = LoopbackSocket.makeBound(listenBacklog: 0)
        defer { close(fd) }
        var fillers: [TestSocket] = []
        for _ in 0..<3 { if let socket = try? TestSocket(port: port, timeoutMilliseconds: 200) { fillers.append(socket) } }
        let client = HTTPClient(configuration: HTTPClientConfiguration(connectTimeout: .milliseconds(150)), group: testGroup)
        let origin = HTTPOrigin(host: "127.0.0.1", port: port)
        let start = ContinuousClock.now
        let error = await clientError { _ = try await client.execute(HTTPClientRequest(origin: origin)) }
        #expect(error == .timeout(stage: .connect, origin: origin.description))
        // The kernel alone would keep retrying the SYN for about two minutes.
        #expect(ContinuousClock.now - start < .seconds(60))  // loose bound: a loaded machine delays timers
        _ = fillers
    }

    @Test func proxyHandlerStreamsUpstreamResponsesThroughOnOneLoop() async throws {
        let upstreamHandler: HTTPServerHandler = { request in
            let body = try await request.body.collect(upTo: 1 << 20)
            return HTTPServerResponse(status: .created, headers: ["X-Upstream": "yes"],
                                      body: .string("\(request.head.method) \(request.head.target) \(body.count)"))
        }
        try await withServer(handler: upstreamHandler) { upstream in
            let client = HTTPClient(group: testGroup)
            let origin = HTTPOrigin(host: "127.0.0.1", port: upstream.port)
            let sameLoop = Locked(true)
            let proxy: HTTPServerHandler = { request in
                let loopBefore = testGroup.current
                let requestBody = try await request.body.collect(upTo: 1 << 20)
                let response = try await client.execute(HTTPClientRequest(method: request.head.method, origin: origin,
                                                                          target: request.head.target, body: .bytes(requestBody)))
                if testGroup.current !== loopBefore { sameLoop.set(false) }
                var headers = HTTPHeaders()
                headers.add(name: "X-Upstream", value: response.head.headers["X-Upstream"] ?? "")
                let upstreamBody = response.body
                return HTTPServerResponse(status: response.status, headers: headers, body: .stream { writer in
                    for try await piece in upstreamBody { try await writer.write(piece) }
                })
            }
            try await withServer(handler: proxy) { server in
                let socket = try TestSocket(port: server.port)
                for i in 0..<3 {
                    socket.send("POST /items/\(i) HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
                    let response = try #require(await socket.readResponse())
                    #expect(response.status == 201)
                    #expect(response.header("X-Upstream") == "yes")
                    #expect(response.text == "POST /items/\(i) 3")
                }
                #expect(client.openConnections(to: origin) == 1)
                #expect(sameLoop.value)
            }
        }
    }
}
