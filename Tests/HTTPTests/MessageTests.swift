import Testing
@testable import HTTP

@Suite struct MessageTests {
    @Test func headerLookupIsCaseInsensitiveAndKeepsOriginalCase() {
        var headers: HTTPHeaders = ["Content-Type": "a", "X-Multi": "1"]
        headers.add(name: "x-multi", value: "2")
        #expect(headers["content-type"] == "a")
        #expect(headers.values(for: "X-MULTI") == ["1", "2"])
        #expect(headers.fields.map(\.name) == ["Content-Type", "X-Multi", "x-multi"])
        headers.replaceOrAdd(name: "X-MULTI", value: "3")
        #expect(headers.values(for: "x-multi") == ["3"])
        headers.remove(name: "CONTENT-TYPE")
        #expect(!headers.contains(name: "content-type"))
        #expect(headers.count == 1)
    }

    @Test func caseInsensitivityIsASCIIOnly() {
        #expect(HTTPHeaders.namesEqual("Content-Length", "content-LENGTH"))
        #expect(!HTTPHeaders.namesEqual("a@", "a`"))
        #expect(!HTTPHeaders.namesEqual("ab", "abc"))
    }

    @Test func listTokensIgnoreCaseAndWhitespace() {
        let headers: HTTPHeaders = ["Connection": " Keep-Alive ,Upgrade"]
        #expect(headers.containsToken("keep-alive", in: "connection"))
        #expect(headers.containsToken("upgrade", in: "Connection"))
        #expect(!headers.containsToken("close", in: "Connection"))
    }

    @Test func statusReasonPhrases() {
        #expect(HTTPStatus.ok.reasonPhrase == "OK")
        #expect(HTTPStatus(code: 431).reasonPhrase == "Request Header Fields Too Large")
        #expect(HTTPStatus(code: 299).reasonPhrase == "")
        #expect(HTTPStatus.notModified.forbidsBody && !HTTPStatus.ok.forbidsBody)
        #expect(HTTPResponseHead(status: .notFound).reason == "Not Found")
    }

    @Test func methodIdempotency() {
        #expect(HTTPMethod.GET.isIdempotent && HTTPMethod.PUT.isIdempotent)
        #expect(!HTTPMethod.POST.isIdempotent && !HTTPMethod.PATCH.isIdempotent)
    }
}

@Suite struct RequestTargetTests {
    func head(_ target: String) -> HTTPRequestHead { HTTPRequestHead(method: .GET, target: target) }

    @Test func splitsOriginFormIntoPathAndQuery() {
        #expect(head("/items/7?page=2&x").path == "/items/7")
        #expect(head("/items/7?page=2&x").query == "page=2&x")
        #expect(head("/items").query == nil)
        #expect(head("/items?").query == "")
        #expect(head("/a?b#c").query == "b")
    }

    @Test func takesPathOfAbsoluteForm() {
        #expect(head("http://api.test:8080/v1/x?y=1").path == "/v1/x")
        #expect(head("http://api.test:8080/v1/x?y=1").query == "y=1")
        #expect(head("https://api.test").path == "/")
        #expect(head("https://api.test?q").path == "/")
    }

    @Test func keepsAsteriskAndAuthorityForms() {
        #expect(head("*").path == "*")
        #expect(head("api.test:443").path == "api.test:443")
    }
}
