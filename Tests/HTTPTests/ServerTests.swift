import Foundation
import Testing
@testable import HTTP

@Suite struct ServerTests {
    @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
        try await withServer(handler: helloHandler) { server in
            let socket = try TestSocket(port: server.port)
            for _ in 0..<3 {
                socket.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                let response = try #require(await socket.readResponse())
                #expect(response.status == 200)
                #expect(response.text == "hello")
                #expect(response.header("Content-Length") == "5")
                #expect(response.header("Date")?.hasSuffix(" GMT") == true)
                #expect(response.header("Connection") == nil)
            }
        }
    }

    @Test func pipelinedResponsesComeBackInRequestOrder() async throws {
        let handler: HTTPServerHandler = { request in
            // The first request is the slowest: a server answering out of order would show it.
            if request.head.target == "/1" { try await Task.sleep(for: .milliseconds(30)) }
            return HTTPServerResponse(status: .ok, body: .string(request.head.target))
        }
        try await withServer(handler: handler) { server in
            let socket = try TestSocket(port: server.port)
            socket.send((1...4).map { "GET /\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
            var bodies: [String] = []
            for _ in 1...4 { if let text = await socket.readResponse()?.text { bodies.append(text) } }
            #expect(bodies == ["/1", "/2", "/3", "/4"])
        }
    }

    @Test func expectContinueGetsInterimResponseBeforeBodyIsRead() async throws {
        let echo: HTTPServerHandler = { request in
            HTTPServerResponse(status: .ok, body: .bytes(try await request.body.collect(upTo: 1024)))
        }
        try await withServer(handler: echo) { server in
            let socket = try TestSocket(port: server.port)
            socket.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
            let interim = try #require(await socket.readResponse())
            #expect(interim.status == 100)
            socket.send("abcde")
            let final = try #require(await socket.readResponse())
            #expect(final.status == 200)
            #expect(final.text == "abcde")
        }
    }

    @Test func expectContinueIsNotSentWhenHandlerIgnoresBody() async throws {
        try await withServer(handler: helloHandler) { server in
            let socket = try TestSocket(port: server.port)
            socket.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
            let response = try #require(await socket.readResponse())
            #expect(response.status == 200)
            #expect(response.header("Connection") == "close")  // the unsent body cannot be skipped
        }
    }

    @Test func headResponseHasLengthButNoBody() async throws {
        try await withServer(handler: helloHandler) { server in
            let socket = try TestSocket(port: server.port)
            socket.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try #require(await socket.readResponse(noBody: true))
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "5")
            // Had the HEAD response carried a body, it would appear here instead of a status line.
            let get = try #require(await socket.readResponse())
            #expect(get.text == "hello")
        }
    }

    @Test func chunkedRequestIsDecodedAndStreamedResponseIsChunked() async throws {
        let echo: HTTPServerHandler = { request in
            HTTPServerResponse(status: .ok, body: .stream { writer in
                for try await chunk in request.body { try await writer.write(chunk) }
            })
        }
        try await withServer(handler: echo) { server in
            let socket = try TestSocket(port: server.port)
            socket.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
            let response = try #require(await socket.readResponse())
            #expect(response.header("Transfer-Encoding") == "chunked")
            #expect(response.header("Content-Length") == nil)
            #expect(response.text == "hello world")
            socket.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await socket.readResponse()?.status == 200)
        }
    }

    @Test func streamedResponseWithLengthUsesContentLength() async throws {
        let handler: HTTPServerHandler = { _ in
            HTTPServerResponse(status: .ok, body: .stream(length: 6) { writer in
                try await writer.write(Array("abc".utf8))
                try await writer.write(Array("def".utf8))
            })
        }
        try await withServer(handler: handler) { server in
            let socket = try TestSocket(port: server.port)
            socket.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try #require(await socket.readResponse())
            #expect(response.header("Content-Length") == "6")
            #expect(response.text == "abcdef")
        }
    }

    @Test func connectionCloseIsHonoured() async throws {
        try await withServer(handler: helloHandler) { server in
            let socket = try TestSocket(port: server.port)
            socket.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let response = try #require(await socket.readResponse())
            #expect(response.header("Connection") == "close")
            #expect(await socket.peerClosed())
        }
    }

    @Test func http10KeepAliveOnlyWhenAsked() async throws {
        try await withServer(handler: helloHandler) { server in
            let socket = try TestSocket(port: server.port)
            socket.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let first = try #require(await socket.readResponse())
            #expect(first.header("Connection") == "keep-alive")
            socket.send("GET / HTTP/1.0\r\n\r\n")
            let second = try #require(await socket.readResponse())
            #expect(second.header("Connection") == "close")
            #expect(await socket.peerClosed())
        }
    }

    @Test func http10StreamedBodyIsDelimitedByClose() async throws {
        let handler: HTTPServerHandler = { _ in
            HTTPServerResponse(status: .ok, body: .stream { writer in try await writer.write(Array("streamed".utf8)) })
        }
        try await withServer(handler: handler) { server in
            let socket = try TestSocket(port: server.port)
            socket.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let response = try #require(await socket.readResponse())
            #expect(response.header("Transfer-Encoding") == nil)
            #expect(response.text == "streamed")
        }
    }

    @Test func handlerErrorBecomes500WithoutDetail() async throws {
        struct Secret: Error, CustomStringConvertible { var description: String { "db password owlk_test_fake_000" } }
        try await withServer(handler: { _ in throw Secret() }) { server in
            let socket = try TestSocket(port: server.port)
            socket.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try #require(await socket.readResponse())
            #expect(response.status == 500)
            #expect(!response.text.contains("owlk"))
            #expect(response.text == "500 Internal Server Error\n")
        }
    }

    @Test func parseErrorsAnswerWithTheParsersStatusAndClose() async throws {
        try await withServer(handler: helloHandler) { server in
            let missingHost = try TestSocket(port: server.port)
            missingHost.send("GET / HTTP/1.1\r\n\r\n")
            #expect(await missingHost.readResponse()?.status == 400)
            #expect(await missingHost.peerClosed())

            let badVersion = try TestSocket(port: server.port)
            badVersion.send("GET / HTTP/2.0\r\nHost: x\r\n\r\n")
            let response = try #require(await badVersion.readResponse())
            #expect(response.status == 505)
            #expect(response.header("Connection") == "close")
        }
    }

    @Test func oversizedBodyGets413() async throws {
        var configuration = HTTPServerConfiguration()
        configuration.limits.maxBodyBytes = 10
        let echo: HTTPServerHandler = { request in
            HTTPServerResponse(status: .ok, body: .bytes(try await request.body.collect(upTo: 1 << 20)))
        }
        try await withServer(configuration, handler: echo) { server in
            let socket = try TestSocket(port: server.port)
            socket.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world")
            #expect(await socket.readResponse()?.status == 413)
        }
    }
}
