import Document
import Testing
@testable import OpenAPI

/// Request names (query, cookie and form fields, deepObject keys) match declared names and schema
/// properties by code points, as the upstream sees them: `café` written U+00E9 (`composed`) and
/// `cafe` + U+0301 (`decomposed`) are different names, although Swift's `String ==` calls them equal.
/// Header names compare ASCII case-insensitively, byte for byte otherwise.
@Suite struct CodePointNameTests {
    static let composed = "caf\u{E9}"
    static let decomposed = "cafe\u{301}"
    /// `decomposed`, percent-encoded for a query string or form body.
    static let decomposedEncoded = "cafe%CC%81"
    /// `composed`, percent-encoded.
    static let composedEncoded = "caf%C3%A9"
    static let form = "application/x-www-form-urlencoded"

    /// Strings as UTF-8 bytes, so that `#expect` compares them exactly (not by canonical equivalence).
    func bytes(_ strings: [String]) -> [[UInt8]] { strings.map { Array($0.utf8) } }

    /// A parameter map keyed by the names' UTF-8 bytes (exact, whatever the map's key type).
    func exact<Key>(_ map: [Key: JSONValue]?) -> [[UInt8]: JSONValue]? {
        map.map { Dictionary(uniqueKeysWithValues: $0.map { (Array("\($0.key)".utf8), $0.value) }) }
    }

    /// `name` as a key of `exact`.
    func key(_ name: String) -> [UInt8] { Array(name.utf8) }

    @Test func theNamesAreEqualToSwiftOnly() {
        #expect(Self.composed == Self.decomposed)  // the trap
        #expect(!Self.composed.codePointsEqual(Self.decomposed))
    }

    @Test func queryParameterIsNotSatisfiedByACanonicallyEquivalentName() throws {
        let v = try validator(parameters: [param(Self.composed, "query", ["type": "integer"])])
        let ok = get(v, "/items?\(Self.composedEncoded)=5")
        #expect(ok.isValid)
        #expect(exact(ok.parameters[.query]) == [key(Self.composed): 5])
        let other = get(v, "/items?\(Self.decomposedEncoded)=5")
        #expect(bytes(other.violations.map(\.message)) == bytes(["query parameter '\(Self.decomposed)' is not declared by op"]))
        #expect(other.parameters[.query] == nil)
        let both = get(v, "/items?\(Self.composedEncoded)=1&\(Self.decomposedEncoded)=2")
        #expect(bytes(both.violations.map(\.message)) == bytes(["query parameter '\(Self.decomposed)' is not declared by op"]))
        #expect(exact(both.parameters[.query]) == [key(Self.composed): 1])
    }

    @Test func requiredQueryParameterIsMissingWhenOnlyTheOtherSpellingIsSent() throws {
        let v = try validator(parameters: [param(Self.composed, "query", ["type": "integer"], required: true)],
                              options: ValidatorOptions(allowUndeclaredQueryParameters: true))
        let r = get(v, "/items?\(Self.decomposedEncoded)=5")
        #expect(bytes(r.violations.map(\.message)) == bytes(["required query parameter '\(Self.composed)' is missing"]))
    }

    @Test func bothSpellingsCanBeDeclaredAndKeepTheirOwnValues() throws {
        let v = try validator(parameters: [param(Self.composed, "query", ["type": "integer"]),
                                           param(Self.decomposed, "query", ["type": "string"])])
        let r = get(v, "/items?\(Self.decomposedEncoded)=2&\(Self.composedEncoded)=1")
        #expect(r.isValid)
        #expect(exact(r.parameters[.query]) == [key(Self.composed): 1, key(Self.decomposed): "2"])
    }

    @Test func deepObjectParameterNameMatchesByCodePoints() throws {
        let v = try validator(parameters: [param(Self.composed, "query", roleObject, style: "deepObject", explode: true)])
        #expect(exact(get(v, "/items?\(Self.composedEncoded)[level]=3").parameters[.query]) == [key(Self.composed): ["level": 3]])
        let other = get(v, "/items?\(Self.decomposedEncoded)[level]=3")
        #expect(bytes(other.violations.map(\.message))
                == bytes(["query parameter '\(Self.decomposed)[level]' is not declared by op"]))
    }

    @Test func deepObjectPropertyNameMatchesByCodePoints() throws {
        let schema: JSONValue = ["type": "object", "additionalProperties": false,
                                 "properties": [Self.composed: ["type": "integer"]]]
        let v = try validator(parameters: [param("f", "query", schema, style: "deepObject", explode: true)])
        #expect(get(v, "/items?f[\(Self.composedEncoded)]=3").parameters[.query] == ["f": [Self.composed: 3]])
        // The other spelling is not the integer property: no coercion to its type, only "not allowed".
        let other = get(v, "/items?f[\(Self.decomposedEncoded)]=x")
        #expect(bytes(other.violations.map(\.description))
                == bytes(["query f /\(Self.decomposed): '\(Self.decomposed)' is not allowed"]))
        // Both spellings are two members, not one repeated member.
        let open = try validator(parameters: [param("f", "query", ["type": "object", "properties": [
            Self.composed: ["type": "integer"]]], style: "deepObject", explode: true)])
        let both = get(open, "/items?f[\(Self.composedEncoded)]=1&f[\(Self.decomposedEncoded)]=2")
        #expect(both.isValid)
        #expect(both.parameters[.query] == ["f": [Self.composed: 1, Self.decomposed: "2"]])
    }

    @Test func formExplodedObjectPropertyMatchesByCodePoints() throws {
        let schema: JSONValue = ["type": "object", "additionalProperties": false,
                                 "properties": [Self.composed: ["type": "integer"]]]
        let v = try validator(parameters: [param("f", "query", schema)])
        #expect(get(v, "/items?\(Self.composedEncoded)=3").parameters[.query] == ["f": [Self.composed: 3]])
        let other = get(v, "/items?\(Self.decomposedEncoded)=3")
        #expect(bytes(other.violations.map(\.message)) == bytes(["query parameter '\(Self.decomposed)' is not declared by op"]))
    }

    @Test func cookieNameMatchesByCodePoints() throws {
        let v = try validator(parameters: [param(Self.composed, "cookie", ["type": "integer"], required: true)])
        #expect(exact(get(v, "/items", headers: [("Cookie", "\(Self.composed)=1")]).parameters[.cookie]) == [key(Self.composed): 1])
        let other = get(v, "/items", headers: [("Cookie", "\(Self.decomposed)=1")])
        #expect(bytes(other.violations.map(\.message)) == bytes(["required cookie parameter '\(Self.composed)' is missing"]))
    }

    @Test func separatorsAreBytesEvenBeforeACombiningMark() throws {
        // "=\u{301}" and ",\u{301}" are single Characters to Swift, so Character-based splitting missed
        // the separator the upstream sees and produced other names.
        let cookie = try validator(parameters: [param("x", "cookie", ["type": "string"], required: true)])
        let c = get(cookie, "/items", headers: [("Cookie", "x=\u{301}y")])
        #expect(c.isValid)
        #expect(c.parameters[.cookie]?["x"] == .string("\u{301}y"))
        let object = try validator(parameters: [param("f", "query", ["type": "object"], explode: false)])
        #expect(get(object, "/items?f=a,b").parameters[.query]?["f"] == ["a": "b"])
        // Three pieces (a, U+0301 b, 1), not the one pair {"a,\u{301}b": "1"}.
        #expect(get(object, "/items?f=a,%CC%81b,1").violations.map(\.message) == ["query parameter 'f' expects name,value pairs"])
    }

    @Test func multipartNameIsUnquotedOnBytes() throws {
        // `"\u{301}` is one Character: a Character-based unquote kept the quotes in the field name.
        let name = "\u{301}x"
        let schema: JSONValue = ["type": "object", "additionalProperties": false, "properties": [name: ["type": "integer"]]]
        let v = try bodyValidator(["multipart/form-data": ["schema": schema]])
        let body = "--B\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n1\r\n--B--\r\n"
        let r = post(v, "/items", contentType: "multipart/form-data; boundary=B", body)
        #expect(r.isValid)
        #expect(r.body == [name: 1])
    }

    @Test func headerNamesFoldASCIICaseOnly() throws {
        // U+212A KELVIN SIGN is canonically equivalent to "K": Swift calls "\u{212A}ey" and "Key" equal.
        #expect("\u{212A}ey" == "Key")
        let v = try validator(parameters: [param("X-Key", "header", ["type": "integer"], required: true)])
        #expect(get(v, "/items", headers: [("x-kEY", "1")]).parameters[.header] == ["X-Key": 1])
        #expect(get(v, "/items", headers: [("X-\u{212A}ey", "1")]).violations.map(\.message)
                == ["required header parameter 'X-Key' is missing"])
    }

    @Test func parameterIdentityFollowsTheLocationsRules() {
        // Query names differ by code points: both may be declared.
        #expect(ParameterKey(name: Self.composed, location: .query) != ParameterKey(name: Self.decomposed, location: .query))
        // Header names ignore ASCII case: declaring both is a duplicate.
        #expect(ParameterKey(name: "X-Id", location: .header) == ParameterKey(name: "x-id", location: .header))
        #expect(ParameterKey(name: "X-Id", location: .query) != ParameterKey(name: "x-id", location: .query))
        #expect(ParameterKey(name: "\u{212A}", location: .header) != ParameterKey(name: "k", location: .header))
        // Hashing agrees with equality.
        #expect(Set([ParameterKey(name: "X-Id", location: .header), ParameterKey(name: "x-ID", location: .header),
                     ParameterKey(name: Self.composed, location: .query), ParameterKey(name: Self.decomposed, location: .query)]).count == 3)
        let d = diagnostics(["/spec.json": spec31(paths: ["/items": ["get": [
            "responses": okResponses,
            "parameters": [param("X-Id", "header", ["type": "string"]), param("x-id", "header", ["type": "string"])]]]])])
        #expect(d.map(\.message) == ["duplicate parameter 'x-id' in header"])
    }

    @Test func formFieldsMatchPropertiesByCodePoints() throws {
        let schema: JSONValue = ["type": "object", "additionalProperties": false,
                                 "properties": [Self.composed: ["type": "integer"]]]
        let v = try bodyValidator([Self.form: ["schema": schema]])
        let ok = post(v, "/items", contentType: Self.form, "\(Self.composedEncoded)=1")
        #expect(ok.isValid)
        #expect(ok.body == [Self.composed: 1])
        // The other spelling is another field: not coerced by the property's shape, not merged with it.
        let other = post(v, "/items", contentType: Self.form, "\(Self.decomposedEncoded)=x")
        #expect(bytes(other.violations.map(\.description)) == bytes(["body /\(Self.decomposed): '\(Self.decomposed)' is not allowed"]))
        let both = post(v, "/items", contentType: Self.form, "\(Self.composedEncoded)=1&\(Self.decomposedEncoded)=2")
        #expect(bytes(both.violations.map(\.description)) == bytes(["body /\(Self.decomposed): '\(Self.decomposed)' is not allowed"]))
        #expect(both.body == [Self.composed: 1, Self.decomposed: "2"])
    }

    @Test func formEncodingEntriesMatchByCodePoints() throws {
        let schema: JSONValue = ["type": "object"]
        let v = try bodyValidator([Self.form: [
            "schema": schema, "encoding": [Self.composed: ["style": "deepObject", "explode": true]]]])
        #expect(post(v, "/items", contentType: Self.form, "\(Self.composedEncoded)[a]=1").body == [Self.composed: ["a": "1"]])
        let other = post(v, "/items", contentType: Self.form, "\(Self.decomposedEncoded)[a]=1")
        #expect(other.body == [Self.decomposed + "[a]": "1"])
    }

    @Test func multipartPartsMatchPropertiesAndEncodingsByCodePoints() throws {
        let schema: JSONValue = ["type": "object", "additionalProperties": false,
                                 "properties": [Self.composed: ["type": "integer"]]]
        let v = try bodyValidator(["multipart/form-data": [
            "schema": schema, "encoding": [Self.composed: ["contentType": "text/plain"]]]])
        func part(_ name: String, _ type: String?, _ content: String) -> String {
            "--B\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n" + (type.map { "Content-Type: \($0)\r\n" } ?? "")
                + "\r\n\(content)\r\n"
        }
        let ct = "multipart/form-data; boundary=B"
        #expect(post(v, "/items", contentType: ct, part(Self.composed, nil, "1") + "--B--\r\n").body == [Self.composed: 1])
        // The encoding's content type does not apply to the other spelling, nor does the property's shape.
        let other = post(v, "/items", contentType: ct, part(Self.decomposed, "application/json", "\"x\"") + "--B--\r\n")
        #expect(bytes(other.violations.map(\.description)) == bytes(["body /\(Self.decomposed): '\(Self.decomposed)' is not allowed"]))
    }
}
