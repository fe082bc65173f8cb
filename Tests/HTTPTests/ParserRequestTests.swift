import Testing
@testable import HTTP

@Suite struct ParserRequestTests {
    @Test func parsesSimpleGet() {
        let outcome = parse("GET /items?page=2 HTTP/1.1\r\nHost: example.test\r\nAccept: */*\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.events == [
            request(.GET, "/items?page=2", .http1_1, [("Host", "example.test"), ("Accept", "*/*")]),
            .end(trailers: nil),
        ])
    }

    @Test func keepsFieldNameCaseAndTrimsValueWhitespace() {
        let outcome = parse("GET / HTTP/1.1\r\nhOsT:\t example.test \t\r\nX-Empty:\r\n\r\n")
        #expect(outcome.events.first == request(.GET, "/", .http1_1, [("hOsT", "example.test"), ("X-Empty", "")]))
        #expect(outcome.requestHeads.first?.headers["host"] == "example.test")
    }

    @Test func parsesPipelinedRequestsInOrder() {
        let outcome = parse("GET /a HTTP/1.1\r\nHost: h\r\n\r\nPOST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabcGET /c HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.requestHeads.map(\.target) == ["/a", "/b", "/c"])
        #expect(outcome.bodyText == "abc")
        #expect(outcome.events.count == 7)
    }

    @Test func ignoresEmptyLinesBeforeRequestLine() {
        let outcome = parse("\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.requestHeads.count == 1)
    }

    @Test func acceptsHTTP10WithoutHost() {
        let outcome = parse("GET / HTTP/1.0\r\n\r\n")
        #expect(outcome.events == [request(.GET, "/", .http1_0, []), .end(trailers: nil)])
    }

    @Test func keepsUnknownMethodTokens() {
        let outcome = parse("PURGE /cache HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(outcome.requestHeads.first?.method == HTTPMethod("PURGE"))
    }

    @Test func rejectsInvalidTokenCharInMethod() {
        #expect(parse("GE(T / HTTP/1.1\r\nHost: h\r\n\r\n").errorKind == .invalidMethod)
        #expect(parse(" GET / HTTP/1.1\r\nHost: h\r\n\r\n").errorKind == .invalidMethod)
    }

    @Test func rejectsDoubleSpaceInRequestLine() {
        #expect(parse("GET  / HTTP/1.1\r\nHost: h\r\n\r\n").errorKind == .invalidTarget)
        #expect(parse("GET / HTTP/1.1 \r\nHost: h\r\n\r\n").errorKind == .invalidVersion)
    }

    @Test func rejectsUnsupportedVersionWith505() {
        for version in ["HTTP/2.0", "HTTP/1.2", "HTTP/0.9", "HTTP/3.0"] {
            let outcome = parse("GET / \(version)\r\nHost: h\r\n\r\n")
            #expect(outcome.errorKind == .unsupportedVersion, "\(version)")
            #expect(outcome.errorStatus == 505, "\(version)")
        }
    }

    @Test func rejectsMalformedVersionWith400() {
        for version in ["HTTP/1.10", "http/1.1", "HTTP/1", "HTTP/a.b", "HTTP/1.1x"] {
            let outcome = parse("GET / \(version)\r\nHost: h\r\n\r\n")
            #expect(outcome.errorKind == .invalidVersion, "\(version)")
            #expect(outcome.errorStatus == 400, "\(version)")
        }
    }

    @Test func rejectsMissingHostOnHTTP11() {
        let outcome = parse("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n")
        #expect(outcome.errorKind == .missingHost)
        #expect(outcome.errorStatus == 400)
    }

    @Test func rejectsRepeatedHost() {
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n").errorKind == .repeatedHost)
        #expect(parse("GET / HTTP/1.0\r\nHost: a\r\nhost: a\r\n\r\n").errorKind == .repeatedHost)
    }

    @Test func rejectsHostThatIsNotAnAuthority() {
        #expect(parse("GET / HTTP/1.1\r\nHost: a/b\r\n\r\n").errorKind == .invalidHost)
        #expect(parse("GET / HTTP/1.1\r\nHost: a b\r\n\r\n").errorKind == .invalidHost)
        #expect(parse("GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n").error == nil)
    }

    @Test func acceptsAbsoluteFormTarget() {
        let outcome = parse("GET http://example.test/x?y HTTP/1.1\r\nHost: example.test\r\n\r\n")
        #expect(outcome.requestHeads.first?.target == "http://example.test/x?y")
    }

    @Test func acceptsAsteriskOnlyForOptions() {
        #expect(parse("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n").error == nil)
        #expect(parse("GET * HTTP/1.1\r\nHost: h\r\n\r\n").errorKind == .invalidTarget)
    }

    @Test func acceptsAuthorityFormOnlyForConnect() {
        #expect(parse("CONNECT example.test:443 HTTP/1.1\r\nHost: example.test:443\r\n\r\n").error == nil)
        #expect(parse("CONNECT /path HTTP/1.1\r\nHost: h\r\n\r\n").errorKind == .invalidTarget)
        #expect(parse("CONNECT example.test HTTP/1.1\r\nHost: h\r\n\r\n").errorKind == .invalidTarget)
        #expect(parse("GET example.test:443 HTTP/1.1\r\nHost: h\r\n\r\n").errorKind == .invalidTarget)
    }

    @Test func rejectsTargetWithControlOrNonASCIIBytes() {
        #expect(parseBytes(Array("GET /a".utf8) + [0x7F] + Array(" HTTP/1.1\r\nHost: h\r\n\r\n".utf8)).errorKind == .invalidTarget)
        #expect(parseBytes(Array("GET /a".utf8) + [0xC3, 0xA9] + Array(" HTTP/1.1\r\nHost: h\r\n\r\n".utf8)).errorKind == .invalidTarget)
        #expect(parse("GET /a\tb HTTP/1.1\r\nHost: h\r\n\r\n").errorKind == .invalidTarget)
    }

    @Test func rejectsBareLFInRequests() {
        let outcome = parse("GET / HTTP/1.1\nHost: h\n\n")
        #expect(outcome.errorKind == .bareLF)
        #expect(outcome.error?.offset == 14)
        #expect(parse("GET / HTTP/1.1\r\nHost: h\n\r\n").errorKind == .bareLF)
        #expect(parse("\nGET / HTTP/1.1\r\nHost: h\r\n\r\n").errorKind == .bareLF)
    }

    @Test func rejectsBareCR() {
        #expect(parse("GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n").errorKind == .bareCR)
        #expect(parse("GET /\r HTTP/1.1\r\nHost: h\r\n\r\n").errorKind == .bareCR)
        #expect(parse("GET / HTTP/1.1\r\r\nHost: h\r\n\r\n").errorKind == .bareCR)
    }

    @Test func rejectsNulAnywhereInHead() {
        let inputs: [[UInt8]] = [
            Array("GET /\0 HTTP/1.1\r\nHost: h\r\n\r\n".utf8),
            Array("GET / HTTP/1.1\r\nHost: h\0\r\n\r\n".utf8),
            Array("GET / HTTP/1.1\r\nHo\0st: h\r\n\r\n".utf8),
            Array("G\0ET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8),
            Array("GET / HTTP/1.1\0\r\nHost: h\r\n\r\n".utf8),
        ]
        for input in inputs {
            let outcome = parseBytes(input)
            #expect(outcome.errorKind == .nulByte, "\(outcome)")
            #expect(outcome.error?.offset == input.firstIndex(of: 0))
        }
    }

    @Test func rejectsWhitespaceBetweenFieldNameAndColon() {
        let outcome = parse("GET / HTTP/1.1\r\nHost: h\r\nContent-Length : 0\r\n\r\n")
        #expect(outcome.errorKind == .whitespaceBeforeColon)
        #expect(outcome.error?.offset == 39)
        #expect(parse("GET / HTTP/1.1\r\nHost\t: h\r\n\r\n").errorKind == .whitespaceBeforeColon)
    }

    @Test func rejectsObsFold() {
        #expect(parse("GET / HTTP/1.1\r\nHost: h\r\nX-Long: a\r\n b\r\n\r\n").errorKind == .obsoleteLineFolding)
        #expect(parse("GET / HTTP/1.1\r\nHost: h\r\nX-Long: a\r\n\tb\r\n\r\n").errorKind == .obsoleteLineFolding)
        #expect(parse("GET / HTTP/1.1\r\n Host: h\r\n\r\n").errorKind == .obsoleteLineFolding)
    }

    @Test func rejectsInvalidTokenCharInFieldName() {
        #expect(parse("GET / HTTP/1.1\r\nHost: h\r\nX(y): 1\r\n\r\n").errorKind == .invalidFieldName)
        #expect(parse("GET / HTTP/1.1\r\nHost: h\r\n: 1\r\n\r\n").errorKind == .invalidFieldName)
        #expect(parse("GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n").errorKind == .missingColon)
    }

    @Test func rejectsControlBytesInFieldValue() {
        #expect(parseBytes(Array("GET / HTTP/1.1\r\nHost: h\r\nX: a".utf8) + [0x01] + Array("b\r\n\r\n".utf8)).errorKind == .invalidFieldValue)
        #expect(parseBytes(Array("GET / HTTP/1.1\r\nHost: h\r\nX: a".utf8) + [0x7F] + Array("\r\n\r\n".utf8)).errorKind == .invalidFieldValue)
    }

    @Test func acceptsObsTextAndTabsInFieldValue() {
        let outcome = parseBytes(Array("GET / HTTP/1.1\r\nHost: h\r\nX: caf".utf8) + [0xC3, 0xA9] + Array("\tok\r\n\r\n".utf8))
        #expect(outcome.error == nil)
        #expect(outcome.requestHeads.first?.headers["x"] == "café\tok")
    }

    @Test func requiresCompleteHeadBeforeEndOfInput() {
        let outcome = parse("GET / HTTP/1.1\r\nHost: h\r\n")
        #expect(outcome.errorKind == .unexpectedEOF)
        #expect(parse("GE").errorKind == .unexpectedEOF)
    }

    @Test func closeBetweenMessagesIsClean() {
        #expect(parse("") == ParseOutcome())
        #expect(parse("GET / HTTP/1.1\r\nHost: h\r\n\r\n").error == nil)
    }

    @Test func errorIsStickyAfterFailure() {
        var parser = HTTPParser(kind: .request)
        parser.append(Array("BAD\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.self) { try parser.next() }
        parser.append(Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.self) { try parser.next() }
    }

    @Test func returnsNilUntilHeadIsComplete() throws {
        var parser = HTTPParser(kind: .request)
        parser.append(Array("GET / HTTP/1.1\r\nHost: h\r\n".utf8))
        #expect(try parser.next() == nil)
        #expect(!parser.isIdle)
        parser.append(Array("\r\n".utf8))
        #expect(try parser.next() == request(.GET, "/", .http1_1, [("Host", "h")]))
        #expect(parser.framing == HTTPBodyFraming.none)
        #expect(try parser.next() == .end(trailers: nil))
        #expect(parser.isIdle)
    }
}
