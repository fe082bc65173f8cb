import Testing
@testable import HTTP

@Suite struct ParserLimitsTests {
    @Test func rejectsLongRequestLineWith414() {
        let limits = HTTPParserLimits(maxRequestLineBytes: 32, maxHeadBytes: 256)
        #expect(parse("GET /0123456789 HTTP/1.1\r\nHost: h\r\n\r\n", limits: limits).error == nil)
        let outcome = parse("GET /0123456789012345678901234567890 HTTP/1.1\r\nHost: h\r\n\r\n", limits: limits)
        #expect(outcome.errorKind == .requestLineTooLong)
        #expect(outcome.errorStatus == 414)
        #expect(outcome.error?.offset == 32)
    }

    @Test func requestLineLimitIsEnforcedBeforeLFArrives() throws {
        var parser = HTTPParser(kind: .request, limits: HTTPParserLimits(maxRequestLineBytes: 16))
        parser.append(Array("GET /aaaaaaaaaaaaaaaaaaaaaaa".utf8))
        #expect(throws: HTTPParseError.self) { try parser.next() }
    }

    @Test func rejectsLargeHeadWith431() {
        let limits = HTTPParserLimits(maxHeadBytes: 64)
        #expect(parse("GET / HTTP/1.1\r\nHost: h\r\nX-A: 0123456789\r\n\r\n", limits: limits).error == nil)
        let outcome = parse("GET / HTTP/1.1\r\nHost: h\r\nX-A: 0123456789\r\nX-B: 0123456789012345678\r\n\r\n", limits: limits)
        #expect(outcome.errorKind == .headTooLarge)
        #expect(outcome.errorStatus == 431)
        #expect(outcome.error?.offset == 64)
    }

    @Test func rejectsTooManyHeadersWith431() {
        let limits = HTTPParserLimits(maxHeaderCount: 3)
        #expect(parse("GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\n\r\n", limits: limits).error == nil)
        let outcome = parse("GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", limits: limits)
        #expect(outcome.errorKind == .tooManyHeaders)
        #expect(outcome.errorStatus == 431)
    }

    @Test func rejectsDeclaredBodyOverLimitWith413() {
        let limits = HTTPParserLimits(maxBodyBytes: 10)
        #expect(parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n0123456789", limits: limits).error == nil)
        let outcome = parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\n01234567890", limits: limits)
        #expect(outcome.errorKind == .bodyTooLarge)
        #expect(outcome.errorStatus == 413)
        #expect(outcome.events.isEmpty)
    }

    @Test func headLimitAppliesPerMessage() {
        let limits = HTTPParserLimits(maxHeadBytes: 40)
        let one = "GET / HTTP/1.1\r\nHost: h\r\n\r\n"
        #expect(parse(one + one + one, limits: limits).requestHeads.count == 3)
    }

    @Test func emptyLinesBeforeRequestCountTowardHeadLimit() {
        let limits = HTTPParserLimits(maxHeadBytes: 40)
        let outcome = parse(String(repeating: "\r\n", count: 20) + "GET / HTTP/1.1\r\nHost: h\r\n\r\n", limits: limits)
        #expect(outcome.errorKind == .headTooLarge)
    }
}
