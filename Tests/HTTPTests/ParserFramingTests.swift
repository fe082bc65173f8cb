import Testing
@testable import HTTP

@Suite struct ParserFramingTests {
    @Test func readsContentLengthBody() {
        let outcome = parse("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world")
        #expect(outcome.error == nil)
        #expect(outcome.events.dropFirst() == [body("hello world"), .end(trailers: nil)])
    }

    @Test func zeroContentLengthHasNoBodyEvents() {
        let outcome = parse("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n")
        #expect(outcome.events.count == 2)
    }

    @Test func requestWithoutFramingHasNoBody() {
        let outcome = parse("POST /x HTTP/1.1\r\nHost: h\r\n\r\nGET /y HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(outcome.requestHeads.map(\.target) == ["/x", "/y"])
        #expect(outcome.bodyText == "")
    }

    @Test func rejectsContentLengthWithChunked() {
        let outcome = parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
        #expect(outcome.errorKind == .contentLengthWithTransferEncoding)
        #expect(outcome.errorStatus == 400)
        #expect(parse("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n").errorKind == .contentLengthWithTransferEncoding)
    }

    @Test func rejectsDifferingContentLengths() {
        #expect(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd").errorKind == .invalidContentLength)
        #expect(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 4\r\n\r\nabcd").errorKind == .invalidContentLength)
    }

    @Test func acceptsListOfIdenticalContentLengths() {
        let outcome = parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 3\r\nContent-Length: 3\r\n\r\nabc")
        #expect(outcome.error == nil)
        #expect(outcome.bodyText == "abc")
    }

    @Test func rejectsMalformedContentLength() {
        for value in ["-1", "+3", "3 3", "0x10", "", "1.0", "abc"] {
            let outcome = parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: \(value)\r\n\r\n")
            #expect(outcome.errorKind == .invalidContentLength, "\(value)")
            #expect(outcome.errorStatus == 400, "\(value)")
        }
    }

    @Test func rejectsContentLengthBeyondIntWith413() {
        let outcome = parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999999\r\n\r\n")
        #expect(outcome.errorKind == .bodyTooLarge)
        #expect(outcome.errorStatus == 413)
    }

    @Test func rejectsUnknownTransferCodingWith501() {
        let outcome = parse("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
        #expect(outcome.errorKind == .unsupportedTransferCoding)
        #expect(outcome.errorStatus == 501)
        #expect(parse("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: x-custom\r\nTransfer-Encoding: chunked\r\n\r\n").errorStatus == 501)
    }

    @Test func rejectsChunkedNotLastWith400() {
        for value in ["chunked, gzip", "gzip", "identity", "chunked, chunked", "chunked;ext=1", ", ,"] {
            let outcome = parse("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: \(value)\r\n\r\n")
            #expect(outcome.errorKind == .chunkedNotFinal, "\(value)")
            #expect(outcome.errorStatus == 400, "\(value)")
        }
    }

    @Test func acceptsChunkedCaseInsensitivelyAcrossFieldLines() {
        let outcome = parse("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: ,\r\nTransfer-Encoding: ChunKed \r\n\r\n1\r\na\r\n0\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.bodyText == "a")
    }

    @Test func rejectsTransferEncodingInHTTP10() {
        #expect(parse("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n").errorKind == .transferEncodingInHTTP10)
    }

    @Test func bodyCutShortIsAnError() {
        let outcome = parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc")
        #expect(outcome.errorKind == .unexpectedEOF)
        #expect(outcome.bodyText == "abc")
    }

    @Test func keepAliveFollowsVersionAndConnection() {
        func keepAlive(_ text: String) -> Bool? { parse(text).requestHeads.first?.keepAlive }
        #expect(keepAlive("GET / HTTP/1.1\r\nHost: h\r\n\r\n") == true)
        #expect(keepAlive("GET / HTTP/1.1\r\nHost: h\r\nConnection: Upgrade, CLOSE\r\n\r\n") == false)
        #expect(keepAlive("GET / HTTP/1.0\r\n\r\n") == false)
        #expect(keepAlive("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") == true)
        #expect(keepAlive("GET / HTTP/1.0\r\nConnection: keep-alive, close\r\n\r\n") == false)
    }

    @Test func reportsExpectContinue() {
        let head = parse("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\nContent-Length: 1\r\n\r\nx").requestHeads.first
        #expect(head?.expectsContinue == true)
    }
}
