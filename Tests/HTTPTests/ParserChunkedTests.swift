import Testing
@testable import HTTP

@Suite struct ParserChunkedTests {
    let head = "POST /upload HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"

    @Test func readsChunkedBody() {
        let outcome = parse(head + "5\r\nhello\r\n6;name=value\r\n world\r\n0\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.events.dropFirst() == [body("hello world"), .end(trailers: nil)])
    }

    @Test func acceptsUppercaseHexAndLeadingZeros() {
        let outcome = parse(head + "000A\r\n0123456789\r\n00\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.bodyText == "0123456789")
    }

    @Test func deliversTrailers() {
        let outcome = parse(head + "1\r\nx\r\n0\r\nChecksum: abc\r\nX-Done: yes\r\n\r\n")
        #expect(outcome.events.last == .end(trailers: HTTPHeaders([("Checksum", "abc"), ("X-Done", "yes")])))
    }

    @Test func rejectsChunkSizeOverflow() {
        let outcome = parse(head + "10000000000000000\r\n")
        #expect(outcome.errorKind == .chunkSizeOverflow)
        #expect(parse(head + "ffffffffffffffffff\r\n").errorKind == .chunkSizeOverflow)
    }

    @Test func rejectsChunkLargerThanBodyLimitWith413() {
        let outcome = parse(head + "7fffffffffffffff\r\n", limits: HTTPParserLimits(maxBodyBytes: 1000))
        #expect(outcome.errorKind == .bodyTooLarge)
        #expect(outcome.errorStatus == 413)
        let total = parse(head + "3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n", limits: HTTPParserLimits(maxBodyBytes: 5))
        #expect(total.errorKind == .bodyTooLarge)
        #expect(total.bodyText == "abc")
    }

    @Test func rejectsNonHexChunkSize() {
        #expect(parse(head + "g\r\n").errorKind == .invalidChunk)
        #expect(parse(head + "\r\n").errorKind == .invalidChunk)
        #expect(parse(head + "-1\r\n").errorKind == .invalidChunk)
        #expect(parse(head + "1 \r\nx\r\n0\r\n\r\n").errorKind == .invalidChunk)
        #expect(parse(head + "1 x\r\n").errorKind == .invalidChunk)
    }

    @Test func rejectsChunkDataLongerThanSize() {
        #expect(parse(head + "1\r\nxy\r\n0\r\n\r\n").errorKind == .invalidChunk)
    }

    @Test func rejectsBareLFInChunkFraming() {
        #expect(parse(head + "1\nx\r\n0\r\n\r\n").errorKind == .bareLF)
        #expect(parse(head + "1\r\nx\n0\r\n\r\n").errorKind == .bareLF)
        #expect(parse(head + "1\r\nx\r\n0\r\n\n").errorKind == .bareLF)
    }

    @Test func rejectsBareCRAfterChunkData() {
        #expect(parse(head + "1\r\nx\rX0\r\n\r\n").errorKind == .bareCR)
    }

    @Test func rejectsControlBytesInChunkExtension() {
        #expect(parseBytes(Array((head + "1;a=").utf8) + [0] + Array("\r\nx\r\n0\r\n\r\n".utf8)).errorKind == .nulByte)
        #expect(parseBytes(Array((head + "1;a=").utf8) + [0x7F] + Array("\r\nx\r\n0\r\n\r\n".utf8)).errorKind == .invalidChunk)
    }

    @Test func boundsChunkExtensionLength() {
        let limits = HTTPParserLimits(maxChunkLineBytes: 16)
        #expect(parse(head + "1;abcdefghij\r\nx\r\n0\r\n\r\n", limits: limits).error == nil)
        let outcome = parse(head + "1;abcdefghijklmnop\r\nx\r\n0\r\n\r\n", limits: limits)
        #expect(outcome.errorKind == .chunkLineTooLong)
        #expect(outcome.error?.offset == head.utf8.count + 16)
    }

    @Test func boundsTrailerSize() {
        let limits = HTTPParserLimits(maxTrailerBytes: 20)
        #expect(parse(head + "0\r\nA: 1234567890\r\n\r\n", limits: limits).error == nil)
        let outcome = parse(head + "0\r\nA: 12345678901234567890\r\n\r\n", limits: limits)
        #expect(outcome.errorKind == .trailersTooLarge)
        #expect(outcome.errorStatus == 431)
    }

    @Test func boundsTrailerCount() {
        let limits = HTTPParserLimits(maxHeaderCount: 2)
        let outcome = parse(head + "0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", limits: limits)
        #expect(outcome.errorKind == .trailersTooLarge)
    }

    @Test func rejectsObsFoldInTrailers() {
        #expect(parse(head + "0\r\nA: 1\r\n 2\r\n\r\n").errorKind == .obsoleteLineFolding)
    }

    @Test func chunkedBodyCutShortIsAnError() {
        #expect(parse(head + "5\r\nhel").errorKind == .unexpectedEOF)
        #expect(parse(head + "5\r\nhello").errorKind == .unexpectedEOF)
        #expect(parse(head + "5\r\nhello\r\n").errorKind == .unexpectedEOF)
        #expect(parse(head + "0\r\n").errorKind == .unexpectedEOF)
    }

    @Test func pipelinesAfterChunkedBody() {
        let outcome = parse(head + "1\r\nx\r\n0\r\n\r\nGET /next HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(outcome.requestHeads.map(\.target) == ["/upload", "/next"])
    }
}
