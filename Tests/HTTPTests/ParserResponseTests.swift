import Testing
@testable import HTTP

@Suite struct ParserResponseTests {
    func response(_ code: Int, _ reason: String, _ headers: [(String, String)], _ version: HTTPVersion = .http1_1) -> HTTPParserEvent {
        .responseHead(HTTPResponseHead(status: HTTPStatus(code: code), reason: reason, version: version, headers: HTTPHeaders(headers)))
    }

    @Test func parsesContentLengthResponse() {
        let outcome = parse("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi", as: .response)
        #expect(outcome.events == [response(200, "OK", [("Content-Length", "2")]), body("hi"), .end(trailers: nil)])
    }

    @Test func keepsReasonPhraseAsSentAndToleratesMissingOne() {
        #expect(parse("HTTP/1.1 404 Nicht gefunden\r\nContent-Length: 0\r\n\r\n", as: .response).responseHeads.first?.reason == "Nicht gefunden")
        #expect(parse("HTTP/1.1 204 \r\n\r\n", as: .response).responseHeads.first?.reason == "")
        #expect(parse("HTTP/1.1 204\r\n\r\n", as: .response).responseHeads.first?.status == .noContent)
    }

    @Test func readsUntilCloseWithoutFraming() {
        let outcome = parse("HTTP/1.1 200 OK\r\n\r\nstreamed until close", as: .response)
        #expect(outcome.error == nil)
        #expect(outcome.bodyText == "streamed until close")
        #expect(outcome.events.last == .end(trailers: nil))
    }

    @Test func untilCloseBodyIsBoundedByLimit() {
        let outcome = parse("HTTP/1.1 200 OK\r\n\r\n0123456789", as: .response, limits: HTTPParserLimits(maxBodyBytes: 5))
        #expect(outcome.errorKind == .bodyTooLarge)
        #expect(outcome.error?.offset == 19 + 5)
        #expect(outcome.bodyText == "01234")
    }

    @Test func untilCloseEndsOnlyAtFinish() throws {
        var parser = HTTPParser(kind: .response)
        parser.append(Array("HTTP/1.0 200 OK\r\n\r\nab".utf8))
        #expect(try parser.next() == response(200, "OK", [], .http1_0))
        #expect(parser.framing == .untilClose)
        #expect(try parser.next() == body("ab"))
        #expect(try parser.next() == nil)
        #expect(try parser.finish() == .end(trailers: nil))
        #expect(try parser.finish() == nil)
    }

    @Test func interimContinueThenFinalResponse() {
        let outcome = parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n", as: .response)
        #expect(outcome.events == [
            .interimResponse(HTTPResponseHead(status: .continue, reason: "Continue")),
            .interimResponse(HTTPResponseHead(status: HTTPStatus(code: 103), reason: "Early Hints", headers: ["Link": "</a>"])),
            response(201, "Created", [("Content-Length", "0")]),
            .end(trailers: nil),
        ])
    }

    @Test func noBodyFor204And304EvenWithContentLength() {
        let outcome = parse("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\nHTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n", as: .response)
        #expect(outcome.error == nil)
        #expect(outcome.responseHeads.map(\.status.code) == [204, 304])
        #expect(outcome.bodyText == "")
    }

    @Test func noBodyForHeadRequestResponse() {
        let input = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
        let outcome = parse(input, as: .response, methods: [.HEAD, .GET])
        #expect(outcome.error == nil)
        #expect(outcome.responseHeads.count == 2)
        #expect(outcome.bodyText == "ok")
    }

    @Test func noBodyForSuccessfulConnect() {
        let outcome = parse("HTTP/1.1 200 Connection Established\r\n\r\n", as: .response, methods: [.CONNECT])
        #expect(outcome.events.count == 2)
    }

    @Test func switchingProtocolsEndsHTTP() throws {
        var parser = HTTPParser(kind: .response)
        parser.append(Array("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\u{1}\u{2}".utf8))
        #expect(try parser.next() == response(101, "Switching Protocols", [("Upgrade", "websocket")]))
        #expect(try parser.next() == .end(trailers: nil))
        #expect(try parser.next() == nil)
        #expect(Array(parser.unparsedBytes) == [1, 2])
    }

    @Test func readsChunkedResponse() {
        let outcome = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", as: .response)
        #expect(outcome.bodyText == "abc")
        #expect(outcome.error == nil)
    }

    @Test func rejectsResponseWithUnfinishedTransferCoding() {
        #expect(parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nxyz", as: .response).errorKind == .chunkedNotFinal)
    }

    @Test func rejectsBareLFInResponses() {
        #expect(parse("HTTP/1.1 200 OK\nContent-Length: 0\n\n", as: .response).errorKind == .bareLF)
    }

    @Test func rejectsBadStatusLines() {
        for line in ["HTTP/1.1 20 OK", "HTTP/1.1 2000 OK", "HTTP/1.1 099 X", "HTTP/1.1 600 X", "HTTP/1.1  200 OK", "HTTP/1.1 abc"] {
            #expect(parse("\(line)\r\n\r\n", as: .response).errorKind == .invalidStatus, "\(line)")
        }
        #expect(parse("HTTP/2.0 200 OK\r\n\r\n", as: .response).errorKind == .unsupportedVersion)
        #expect(parse("ICY 200 OK\r\n\r\n", as: .response).errorKind == .invalidVersion)
    }

    @Test func closeBeforeAnyResponseByteIsCleanNil() throws {
        var parser = HTTPParser(kind: .response)
        parser.expectResponse(toRequestMethod: .GET)
        #expect(try parser.finish() == nil)
    }

    @Test func responseKeepAlive() {
        #expect(parse("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", as: .response).responseHeads.first?.keepAlive == false)
        #expect(parse("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", as: .response).responseHeads.first?.keepAlive == true)
    }
}

@Suite struct ParserStateTests {
    @Test func idleAndClosedTrackMessageBoundaries() throws {
        var parser = HTTPParser(kind: .request)
        #expect(parser.isIdle && !parser.isClosed)
        parser.append(Array("\r\n".utf8))
        #expect(try parser.next() == nil)
        #expect(parser.isIdle)
        parser.append(Array("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\na".utf8))
        _ = try parser.next()
        #expect(parser.framing == .contentLength(2))
        #expect(try parser.next() == body("a"))
        #expect(!parser.isIdle)
        parser.append(Array("b".utf8))
        #expect(try parser.next() == body("b"))
        #expect(try parser.next() == .end(trailers: nil))
        #expect(parser.isIdle && parser.framing == nil)
        #expect(try parser.finish() == nil)
        #expect(parser.isIdle && parser.isClosed)
    }

    @Test func bytesAfterFinishAreIgnored() throws {
        var parser = HTTPParser(kind: .request)
        #expect(try parser.finish() == nil)
        parser.append(Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        #expect(try parser.next() == nil)
    }

    @Test func untilCloseResponseClosesParser() throws {
        var parser = HTTPParser(kind: .response)
        parser.append(Array("HTTP/1.1 200 OK\r\n\r\n".utf8))
        _ = try parser.next()
        #expect(try parser.finish() == .end(trailers: nil))
        #expect(parser.isClosed)
    }
}
