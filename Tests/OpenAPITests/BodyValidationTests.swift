import Document
import Testing
@testable import OpenAPI

func post(_ v: RequestValidator, _ target: String, contentType: String?, _ body: String) -> ValidationResult {
    var headers: [(name: String, value: String)] = []
    if let contentType { headers.append(("Content-Type", contentType)) }
    return v.validate(ValidationRequest(method: .post, target: target, headers: headers, body: Array(body.utf8)))
}

let petSchema: JSONValue = ["type": "object", "required": ["name"], "additionalProperties": false,
                            "properties": ["name": ["type": "string", "maxLength": 10], "age": ["type": "integer", "minimum": 0],
                                           "tags": ["type": "array", "items": ["type": "string"]]]]

func bodyValidator(_ content: JSONValue, required: Bool = true, options: ValidatorOptions = .init()) throws -> RequestValidator {
    try validator("post", requestBody: ["required": .bool(required), "content": content], options: options)
}

@Suite struct BodyValidationTests {
    @Test func jsonBodyIsCheckedAgainstItsSchema() throws {
        let v = try bodyValidator(["application/json": ["schema": petSchema]])
        let ok = post(v, "/items", contentType: "application/json; charset=utf-8", #"{"name":"Rex","age":3}"#)
        #expect(ok.isValid)
        #expect(ok.body == ["name": "Rex", "age": 3])
        let bad = post(v, "/items", contentType: "application/json", #"{"age":-1,"extra":true}"#)
        #expect(bad.status == 400)
        #expect(Set(bad.violations.map(\.description)) == ["body: 'name' is required", "body /age: must be >= 0",
                                                           "body /extra: 'extra' is not allowed"])
    }

    @Test func invalidJSONIsAViolationWithLineAndColumn() throws {
        let v = try bodyValidator(["application/json": ["schema": petSchema]])
        let r = post(v, "/items", contentType: "application/json", "{\n  \"name\": \"Rex\",\n}")
        #expect(r.status == 400)
        #expect(r.violations.count == 1)
        #expect(r.violations.first?.message.hasPrefix("the body is not valid JSON:") == true)
        #expect(r.violations.first?.message.hasSuffix("at line 3, column 1") == true)
    }

    @Test func plusJSONAndMediaRangesMatch() throws {
        let v = try bodyValidator(["application/*": ["schema": petSchema], "text/plain": [:]])
        #expect(post(v, "/items", contentType: "application/merge-patch+json", #"{"name":"a"}"#).isValid)
        #expect(post(v, "/items", contentType: "application/vnd.api+json", #"{}"#).violations.map(\.message) == ["'name' is required"])
        #expect(post(v, "/items", contentType: "text/plain", "hello").body == "hello")
        let any = try bodyValidator(["*/*": [:]])
        #expect(post(any, "/items", contentType: "image/png", "\u{1}PNG").isValid)
    }

    @Test func mostSpecificMediaTypeWins() throws {
        let v = try bodyValidator(["application/*": [:], "application/json": ["schema": petSchema]])
        #expect(post(v, "/items", contentType: "application/json", "{}").violations.map(\.message) == ["'name' is required"])
    }

    @Test func unsupportedContentTypeIs415() throws {
        let v = try bodyValidator(["application/json": ["schema": petSchema]])
        let r = post(v, "/items", contentType: "text/csv", "a,b")
        #expect(r.status == 415)
        #expect(r.violations.map(\.message) == ["Content-Type 'text/csv' is not accepted; accepted: application/json"])
        #expect(post(v, "/items", contentType: nil, "{}").status == 415)
        #expect(post(v, "/items", contentType: "nonsense", "{}").status == 415)
    }

    @Test func requiredBodyAndUnexpectedBody() throws {
        let v = try bodyValidator(["application/json": ["schema": petSchema]])
        #expect(post(v, "/items", contentType: "application/json", "").violations.map(\.message) == ["a request body is required"])
        let optional = try bodyValidator(["application/json": ["schema": petSchema]], required: false)
        #expect(post(optional, "/items", contentType: nil, "").isValid)
        let none = try validator("post")
        #expect(post(none, "/items", contentType: "application/json", "{}").violations.map(\.message) == ["op takes no request body"])
    }

    @Test func oversizedBodyIs413() throws {
        let v = try bodyValidator(["application/json": ["schema": petSchema]], options: ValidatorOptions(maxBodyBytes: 8))
        #expect(post(v, "/items", contentType: "application/json", #"{"name":"Rex"}"#).status == 413)
    }

    @Test func formBodyIsCoercedWithEncoding() throws {
        let schema: JSONValue = ["type": "object", "required": ["name"], "properties": [
            "name": ["type": "string"], "age": ["type": "integer"], "tags": ["type": "array", "items": ["type": "string"]],
            "meta": ["type": "object", "required": ["k"]]]]
        let v = try bodyValidator(["application/x-www-form-urlencoded": ["schema": schema,
                                                                         "encoding": ["meta": ["contentType": "application/json"]]]])
        let r = post(v, "/items", contentType: "application/x-www-form-urlencoded",
                     "name=Rex+Dog&age=4&tags=a&tags=b&meta=%7B%22k%22%3A1%7D")
        #expect(r.violations.isEmpty)
        #expect(r.body == ["name": "Rex Dog", "age": 4, "tags": ["a", "b"], "meta": ["k": 1]])
        let bad = post(v, "/items", contentType: "application/x-www-form-urlencoded", "age=old&meta=%7B")
        #expect(bad.violations.count == 3)
        #expect(bad.violations.map(\.description).contains("body /age: 'old' is not an integer"))
        #expect(bad.violations.map(\.description).contains("body: 'name' is required"))
    }

    @Test func multipartFieldsAreCheckedAndFilesLimited() throws {
        let schema: JSONValue = ["type": "object", "required": ["title", "file"], "properties": [
            "title": ["type": "string"], "count": ["type": "integer"],
            "file": ["type": "string", "format": "binary"], "meta": ["type": "object", "required": ["k"]]]]
        let v = try bodyValidator(["multipart/form-data": ["schema": schema, "encoding": ["file": ["contentType": "image/png"]]]],
                                  options: ValidatorOptions(maxFileBytes: 16))
        func body(_ parts: [(String, String?, String?, String)]) -> String {
            var s = ""
            for (name, filename, type, content) in parts {
                s += "--XyZ\r\nContent-Disposition: form-data; name=\"\(name)\"" + (filename.map { "; filename=\"\($0)\"" } ?? "") + "\r\n"
                if let type { s += "Content-Type: \(type)\r\n" }
                s += "\r\n" + content + "\r\n"
            }
            return s + "--XyZ--\r\n"
        }
        let ct = "multipart/form-data; boundary=XyZ"
        let ok = post(v, "/items", contentType: ct, body([("title", nil, nil, "Hi"), ("count", nil, nil, "3"),
                                                          ("file", "a.png", "image/png", "PNGDATA"),
                                                          ("meta", nil, "application/json", #"{"k":1}"#)]))
        #expect(ok.violations.isEmpty)
        #expect(ok.body?["count"] == 3)
        #expect(ok.body?["meta"] == ["k": 1])
        let bad = post(v, "/items", contentType: ct, body([("count", nil, nil, "x"), ("file", "a.gif", "image/gif", "GIF")]))
        #expect(Set(bad.violations.map(\.description)) == ["body file /file: part 'file' has content type 'image/gif'; allowed: image/png",
                                                           "body /count: 'x' is not an integer", "body: 'title' is required"])
        let big = post(v, "/items", contentType: ct, body([("title", nil, nil, "Hi"),
                                                           ("file", "a.png", "image/png", String(repeating: "x", count: 17))]))
        #expect(big.status == 413)
        #expect(post(v, "/items", contentType: "multipart/form-data; boundary=Other", body([("title", nil, nil, "Hi")])).status == 400)
    }
}

@Suite struct MediaTypeMatchingTests {
    @Test func keyWithParametersAcceptsTheBareType() throws {
        let v = try bodyValidator(["text/plain; charset=utf-8": ["schema": ["type": "string", "maxLength": 3]]])
        #expect(post(v, "/items", contentType: "text/plain", "abcd").violations.map(\.message) == ["must be at most 3 characters"])
        #expect(post(v, "/items", contentType: "text/plain; charset=UTF-8", "abc").isValid)
    }

    @Test func parsesMediaRanges() {
        let r = MediaRange(#"Multipart/Form-Data; Boundary="a;b""#)
        #expect(r?.essence == "multipart/form-data")
        #expect(r?.parameters["boundary"] == "a;b")
        #expect(MediaRange("application/vnd.x+json")?.isJSON == true)
        #expect(MediaRange("json") == nil)
        #expect(MediaRange("application/*")?.matches(MediaRange("application/xml")!) == true)
        #expect(MediaRange("application/*")?.matches(MediaRange("text/xml")!) == false)
    }
}

@Suite struct FormBodyEncodingTests {
    @Test func deepObjectEncodedFormProperty() throws {
        let schema: JSONValue = ["type": "object", "properties": [
            "filter": ["type": "object", "additionalProperties": false,
                       "properties": ["min": ["type": "integer"], "tags": ["type": "array", "items": ["type": "string"]]]]]]
        let v = try bodyValidator(["application/x-www-form-urlencoded": ["schema": schema,
                                                                         "encoding": ["filter": ["style": "deepObject", "explode": true]]]])
        let r = post(v, "/items", contentType: "application/x-www-form-urlencoded", "filter[min]=3&filter[tags][]=a&filter[tags][]=b")
        #expect(r.violations.isEmpty)
        #expect(r.body == ["filter": ["min": 3, "tags": ["a", "b"]]])
        let bad = post(v, "/items", contentType: "application/x-www-form-urlencoded", "filter[min]=x&filter[nope]=1")
        #expect(Set(bad.violations.map(\.description)) == ["body /filter/min: 'x' is not an integer",
                                                           "body /filter/nope: 'nope' is not allowed"])
    }

    @Test func manyFormFieldsStayLinear() throws {
        let v = try bodyValidator(["application/x-www-form-urlencoded": ["schema": ["type": "object"]]])
        let body = (0..<20_000).map { "f\($0)=\($0)" }.joined(separator: "&")
        let r = post(v, "/items", contentType: "application/x-www-form-urlencoded", body)
        #expect(r.isValid)
        #expect(r.body?.objectValue?.count == 20_000)
    }
}
